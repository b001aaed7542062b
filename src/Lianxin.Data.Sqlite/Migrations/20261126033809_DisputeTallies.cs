using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DisputeTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CountedFromTimeline",
                table: "Disputes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReferralCount",
                table: "Disputes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Referrals so far, from the timelines (7 = DisputeEventKind.Referred), and which disputes the figures
            // read from their timelines. The tallies themselves are built from the timelines when the application
            // starts (DisputeTallyRollup.EnsureCurrentAsync).
            migrationBuilder.Sql(
                "UPDATE \"Disputes\" SET \"ReferralCount\" = (SELECT COUNT(*) FROM \"DisputeEvents\" e " +
                "WHERE e.\"DisputeId\" = \"Disputes\".\"Id\" AND e.\"Kind\" = 7);");
            migrationBuilder.Sql("UPDATE \"Disputes\" SET \"CountedFromTimeline\" = (\"ReopenCount\" > 0 OR \"ReferralCount\" > 1);");

            migrationBuilder.CreateTable(
                name: "DisputeDailyTallies",
                columns: table => new
                {
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedResolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedLevel1 = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedLevel2 = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedLevel3 = table.Column<int>(type: "INTEGER", nullable: false),
                    Referred = table.Column<int>(type: "INTEGER", nullable: false),
                    MillisecondsToResolve = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeDailyTallies", x => new { x.OrgUnitId, x.Day });
                    table.ForeignKey(
                        name: "FK_DisputeDailyTallies_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RollupStates",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupStates", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MediationAgreements_JudicialResult_JudicialDecidedOn",
                table: "MediationAgreements",
                columns: new[] { "JudicialResult", "JudicialDecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_CountedFromTimeline",
                table: "Disputes",
                column: "CountedFromTimeline");

            migrationBuilder.CreateIndex(
                name: "IX_DisputeDailyTallies_Day_OrgUnitId",
                table: "DisputeDailyTallies",
                columns: new[] { "Day", "OrgUnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisputeDailyTallies");

            migrationBuilder.DropTable(
                name: "RollupStates");

            migrationBuilder.DropIndex(
                name: "IX_MediationAgreements_JudicialResult_JudicialDecidedOn",
                table: "MediationAgreements");

            migrationBuilder.DropIndex(
                name: "IX_Disputes_CountedFromTimeline",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "CountedFromTimeline",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "ReferralCount",
                table: "Disputes");
        }
    }
}
