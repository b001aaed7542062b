using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IncidentPartyPhoneIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_IncidentParties_PhoneHash_ReceivedAt",
                table: "IncidentParties",
                columns: new[] { "PhoneHash", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentParties_PhoneHash_ReceivedAt",
                table: "IncidentParties");
        }
    }
}
