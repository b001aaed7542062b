using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DisputeFigureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DisputeEvents_DisputeId",
                table: "DisputeEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_EndedAt",
                table: "Disputes",
                column: "EndedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_OrgUnitId_RegisteredAt",
                table: "Disputes",
                columns: new[] { "OrgUnitId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_Status",
                table: "Disputes",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_DisputeEvents_DisputeId_Kind_At",
                table: "DisputeEvents",
                columns: new[] { "DisputeId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DisputeEvents_Kind_At",
                table: "DisputeEvents",
                columns: new[] { "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disputes_EndedAt",
                table: "Disputes");

            migrationBuilder.DropIndex(
                name: "IX_Disputes_OrgUnitId_RegisteredAt",
                table: "Disputes");

            migrationBuilder.DropIndex(
                name: "IX_Disputes_Status",
                table: "Disputes");

            migrationBuilder.DropIndex(
                name: "IX_DisputeEvents_DisputeId_Kind_At",
                table: "DisputeEvents");

            migrationBuilder.DropIndex(
                name: "IX_DisputeEvents_Kind_At",
                table: "DisputeEvents");

            migrationBuilder.CreateIndex(
                name: "IX_DisputeEvents_DisputeId",
                table: "DisputeEvents",
                column: "DisputeId");
        }
    }
}
