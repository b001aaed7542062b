using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IncidentPartiesImportReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentImportRows");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_ImportBatchId",
                table: "Incidents");

            migrationBuilder.CreateTable(
                name: "DirectiveImportReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    AlreadyThere = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveImportReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectiveImportReports_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    NameCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    NameMasked = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IdNumberCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentParties_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveImportProblems",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveImportProblems", x => new { x.ReportId, x.Seq });
                    table.ForeignKey(
                        name: "FK_DirectiveImportProblems_DirectiveImportReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "DirectiveImportReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveImportReports_CreatedAt",
                table: "DirectiveImportReports",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveImportReports_OrgUnitId",
                table: "DirectiveImportReports",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentParties_IncidentId_Position",
                table: "IncidentParties",
                columns: new[] { "IncidentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentParties_PersonKey_ReceivedAt",
                table: "IncidentParties",
                columns: new[] { "PersonKey", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectiveImportProblems");

            migrationBuilder.DropTable(
                name: "IncidentParties");

            migrationBuilder.DropTable(
                name: "DirectiveImportReports");

            migrationBuilder.CreateTable(
                name: "IncidentImportRows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddressKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallerNameCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CallerNameMasked = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CallerPhoneCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CallerPhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CallerPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HandlingOfficer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HandlingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Preventable = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    SubtypeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Validity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentImportRows", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ImportBatchId",
                table: "Incidents",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentImportRows_BatchId",
                table: "IncidentImportRows",
                column: "BatchId");
        }
    }
}
