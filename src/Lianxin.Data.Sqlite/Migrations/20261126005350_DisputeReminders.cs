using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DisputeReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NearLimitNotifiedAt",
                table: "Disputes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToId",
                table: "DisputeFollowUps",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemindedAt",
                table: "DisputeFollowUps",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NearLimitNotifiedAt",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "AssignedToId",
                table: "DisputeFollowUps");

            migrationBuilder.DropColumn(
                name: "RemindedAt",
                table: "DisputeFollowUps");
        }
    }
}
