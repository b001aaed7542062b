using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
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
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Span = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Valid = table.Column<int>(type: "INTEGER", nullable: false),
                    Repeat = table.Column<int>(type: "INTEGER", nullable: false),
                    Invalid = table.Column<int>(type: "INTEGER", nullable: false),
                    Preventable = table.Column<int>(type: "INTEGER", nullable: false),
                    H00 = table.Column<int>(type: "INTEGER", nullable: false),
                    H01 = table.Column<int>(type: "INTEGER", nullable: false),
                    H02 = table.Column<int>(type: "INTEGER", nullable: false),
                    H03 = table.Column<int>(type: "INTEGER", nullable: false),
                    H04 = table.Column<int>(type: "INTEGER", nullable: false),
                    H05 = table.Column<int>(type: "INTEGER", nullable: false),
                    H06 = table.Column<int>(type: "INTEGER", nullable: false),
                    H07 = table.Column<int>(type: "INTEGER", nullable: false),
                    H08 = table.Column<int>(type: "INTEGER", nullable: false),
                    H09 = table.Column<int>(type: "INTEGER", nullable: false),
                    H10 = table.Column<int>(type: "INTEGER", nullable: false),
                    H11 = table.Column<int>(type: "INTEGER", nullable: false),
                    H12 = table.Column<int>(type: "INTEGER", nullable: false),
                    H13 = table.Column<int>(type: "INTEGER", nullable: false),
                    H14 = table.Column<int>(type: "INTEGER", nullable: false),
                    H15 = table.Column<int>(type: "INTEGER", nullable: false),
                    H16 = table.Column<int>(type: "INTEGER", nullable: false),
                    H17 = table.Column<int>(type: "INTEGER", nullable: false),
                    H18 = table.Column<int>(type: "INTEGER", nullable: false),
                    H19 = table.Column<int>(type: "INTEGER", nullable: false),
                    H20 = table.Column<int>(type: "INTEGER", nullable: false),
                    H21 = table.Column<int>(type: "INTEGER", nullable: false),
                    H22 = table.Column<int>(type: "INTEGER", nullable: false),
                    H23 = table.Column<int>(type: "INTEGER", nullable: false),
                    Mon = table.Column<int>(type: "INTEGER", nullable: false),
                    Tue = table.Column<int>(type: "INTEGER", nullable: false),
                    Wed = table.Column<int>(type: "INTEGER", nullable: false),
                    Thu = table.Column<int>(type: "INTEGER", nullable: false),
                    Fri = table.Column<int>(type: "INTEGER", nullable: false),
                    Sat = table.Column<int>(type: "INTEGER", nullable: false),
                    Sun = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    LimitDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandlingOfficerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HandlingOfficer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WarnAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcludedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WarnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
