using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncidentStatisticsAndCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IncidentTallies",
                columns: table => new
                {
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Span = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Valid = table.Column<int>(type: "integer", nullable: false),
                    Repeat = table.Column<int>(type: "integer", nullable: false),
                    Invalid = table.Column<int>(type: "integer", nullable: false),
                    Preventable = table.Column<int>(type: "integer", nullable: false),
                    H00 = table.Column<int>(type: "integer", nullable: false),
                    H01 = table.Column<int>(type: "integer", nullable: false),
                    H02 = table.Column<int>(type: "integer", nullable: false),
                    H03 = table.Column<int>(type: "integer", nullable: false),
                    H04 = table.Column<int>(type: "integer", nullable: false),
                    H05 = table.Column<int>(type: "integer", nullable: false),
                    H06 = table.Column<int>(type: "integer", nullable: false),
                    H07 = table.Column<int>(type: "integer", nullable: false),
                    H08 = table.Column<int>(type: "integer", nullable: false),
                    H09 = table.Column<int>(type: "integer", nullable: false),
                    H10 = table.Column<int>(type: "integer", nullable: false),
                    H11 = table.Column<int>(type: "integer", nullable: false),
                    H12 = table.Column<int>(type: "integer", nullable: false),
                    H13 = table.Column<int>(type: "integer", nullable: false),
                    H14 = table.Column<int>(type: "integer", nullable: false),
                    H15 = table.Column<int>(type: "integer", nullable: false),
                    H16 = table.Column<int>(type: "integer", nullable: false),
                    H17 = table.Column<int>(type: "integer", nullable: false),
                    H18 = table.Column<int>(type: "integer", nullable: false),
                    H19 = table.Column<int>(type: "integer", nullable: false),
                    H20 = table.Column<int>(type: "integer", nullable: false),
                    H21 = table.Column<int>(type: "integer", nullable: false),
                    H22 = table.Column<int>(type: "integer", nullable: false),
                    H23 = table.Column<int>(type: "integer", nullable: false),
                    Mon = table.Column<int>(type: "integer", nullable: false),
                    Tue = table.Column<int>(type: "integer", nullable: false),
                    Wed = table.Column<int>(type: "integer", nullable: false),
                    Thu = table.Column<int>(type: "integer", nullable: false),
                    Fri = table.Column<int>(type: "integer", nullable: false),
                    Sat = table.Column<int>(type: "integer", nullable: false),
                    Sun = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentTallies", x => new { x.OrgUnitId, x.Span, x.Day, x.CategoryCode });
                    table.ForeignKey(
                        name: "FK_IncidentTallies_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicSecurityCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    LimitDays = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    HandlingOfficerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HandlingOfficer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WarnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConcludedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicSecurityCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicSecurityCases_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentTallies_Span_Day_OrgUnitId",
                table: "IncidentTallies",
                columns: new[] { "Span", "Day", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicSecurityCases_IncidentId",
                table: "PublicSecurityCases",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicSecurityCases_Number",
                table: "PublicSecurityCases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicSecurityCases_OrgUnitId_RegisteredAt",
                table: "PublicSecurityCases",
                columns: new[] { "OrgUnitId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicSecurityCases_Status_DueAt",
                table: "PublicSecurityCases",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicSecurityCases_Status_WarnAt",
                table: "PublicSecurityCases",
                columns: new[] { "Status", "WarnAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentTallies");

            migrationBuilder.DropTable(
                name: "PublicSecurityCases");
        }
    }
}
