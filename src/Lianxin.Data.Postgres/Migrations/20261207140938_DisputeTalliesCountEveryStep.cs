using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DisputeTalliesCountEveryStep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disputes_CountedFromTimeline",
                table: "Disputes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DisputeDailyTallies",
                table: "DisputeDailyTallies");

            migrationBuilder.DropColumn(
                name: "CountedFromTimeline",
                table: "Disputes");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PreviousDay",
                table: "DisputeDailyTallies",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDay",
                table: "DisputeDailyTallies",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(9999, 12, 31));

            migrationBuilder.AddColumn<int>(
                name: "Recurred",
                table: "DisputeDailyTallies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_DisputeDailyTallies",
                table: "DisputeDailyTallies",
                columns: new[] { "OrgUnitId", "Day", "PreviousDay", "NextDay" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The older rules keep one row per unit and day: start-up rebuilds them from the timelines.
            migrationBuilder.Sql("DELETE FROM \"DisputeDailyTallies\";");
            migrationBuilder.Sql("DELETE FROM \"RollupStates\" WHERE \"Name\" = 'DisputeDailyTallies';");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DisputeDailyTallies",
                table: "DisputeDailyTallies");

            migrationBuilder.DropColumn(
                name: "PreviousDay",
                table: "DisputeDailyTallies");

            migrationBuilder.DropColumn(
                name: "NextDay",
                table: "DisputeDailyTallies");

            migrationBuilder.DropColumn(
                name: "Recurred",
                table: "DisputeDailyTallies");

            migrationBuilder.AddColumn<bool>(
                name: "CountedFromTimeline",
                table: "Disputes",
                type: "boolean",
                nullable: false,
                defaultValue: false);
            migrationBuilder.Sql("UPDATE \"Disputes\" SET \"CountedFromTimeline\" = (\"ReopenCount\" > 0 OR \"ReferralCount\" > 1);");


            migrationBuilder.AddPrimaryKey(
                name: "PK_DisputeDailyTallies",
                table: "DisputeDailyTallies",
                columns: new[] { "OrgUnitId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_CountedFromTimeline",
                table: "Disputes",
                column: "CountedFromTimeline");
        }
    }
}
