using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncidentCallerNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CallerNameHash",
                table: "Incidents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CallerNameHash_ReceivedAt",
                table: "Incidents",
                columns: new[] { "CallerNameHash", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_CallerNameHash_ReceivedAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "CallerNameHash",
                table: "Incidents");
        }
    }
}
