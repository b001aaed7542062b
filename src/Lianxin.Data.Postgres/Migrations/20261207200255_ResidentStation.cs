using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResidentStation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "StationId",
                table: "Residents",
                type: "uuid",
                nullable: true);

            // Each resident's station: the station (Kind 2) whose path begins its unit's path.
            migrationBuilder.Sql(
                """
                UPDATE "Residents" SET "StationId" = (
                    SELECT s."Id" FROM "OrgUnits" u JOIN "OrgUnits" s ON s."Kind" = 2 AND u."Path" LIKE s."Path" || '%'
                    WHERE u."Id" = "Residents"."OrgUnitId")
                """
            );

            migrationBuilder.CreateIndex(
                name: "IX_Residents_StationId_Id",
                table: "Residents",
                columns: new[] { "StationId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_StationId_Id",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "StationId",
                table: "Residents");
        }
    }
}
