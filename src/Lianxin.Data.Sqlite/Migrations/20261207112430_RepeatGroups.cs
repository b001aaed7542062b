using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RepeatGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JoinedKey",
                table: "RepeatClusterMembers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JoinedKind",
                table: "RepeatClusterMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RelatedDisputeId",
                table: "Disputes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RepeatClusterKeys",
                columns: table => new
                {
                    ClusterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepeatClusterKeys", x => new { x.ClusterId, x.Kind, x.Key });
                    table.ForeignKey(
                        name: "FK_RepeatClusterKeys_RepeatClusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "RepeatClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_RelatedDisputeId",
                table: "Disputes",
                column: "RelatedDisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_RepeatClusterKeys_Kind_Key",
                table: "RepeatClusterKeys",
                columns: new[] { "Kind", "Key" });

            migrationBuilder.AddForeignKey(
                name: "FK_Disputes_Disputes_RelatedDisputeId",
                table: "Disputes",
                column: "RelatedDisputeId",
                principalTable: "Disputes",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Disputes_Disputes_RelatedDisputeId",
                table: "Disputes");

            migrationBuilder.DropTable(
                name: "RepeatClusterKeys");

            migrationBuilder.DropIndex(
                name: "IX_Disputes_RelatedDisputeId",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "JoinedKey",
                table: "RepeatClusterMembers");

            migrationBuilder.DropColumn(
                name: "JoinedKind",
                table: "RepeatClusterMembers");

            migrationBuilder.DropColumn(
                name: "RelatedDisputeId",
                table: "Disputes");
        }
    }
}
