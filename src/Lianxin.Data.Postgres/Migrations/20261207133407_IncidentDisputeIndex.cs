using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncidentDisputeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Incidents_DisputeId",
                table: "Incidents",
                column: "DisputeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_DisputeId",
                table: "Incidents");
        }
    }
}
