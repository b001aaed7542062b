using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DisputeFiguresAtEachLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ResolvedLevel4",
                table: "DisputeDailyTallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_AcknowledgedAt",
                table: "Referrals",
                column: "AcknowledgedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_AcknowledgedAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ResolvedLevel4",
                table: "DisputeDailyTallies");
        }
    }
}
