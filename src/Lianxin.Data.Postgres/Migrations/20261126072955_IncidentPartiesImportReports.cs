using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Lines = table.Column<int>(type: "integer", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    AlreadyThere = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    NameCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    NameMasked = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IdNumberCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    IdNumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PhoneCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PersonKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddressKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallerNameCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    CallerNameMasked = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CallerPhoneCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    CallerPhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CallerPhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CategoryCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Disposition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HandlingOfficer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HandlingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Preventable = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    SubtypeCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Validity = table.Column<int>(type: "integer", nullable: false)
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
