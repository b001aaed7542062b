using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IncidentLinks",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RelatedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentLinks", x => new { x.IncidentId, x.RelatedId });
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SubtypeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CallerNameCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CallerNameMasked = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CallerPhoneCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CallerPhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CallerPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddressKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HandlingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandlingOfficer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlacedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Preventable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Validity = table.Column<int>(type: "INTEGER", nullable: false),
                    RepeatOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DisputeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FlaggedRepeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportBatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_OrgUnits_HandlingUnitId",
                        column: x => x.HandlingUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentLinks_RelatedId",
                table: "IncidentLinks",
                column: "RelatedId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_AddressKey_ReceivedAt",
                table: "Incidents",
                columns: new[] { "AddressKey", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CallerPhoneHash_ReceivedAt",
                table: "Incidents",
                columns: new[] { "CallerPhoneHash", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_HandlingUnitId",
                table: "Incidents",
                column: "HandlingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ImportBatchId",
                table: "Incidents",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Number",
                table: "Incidents",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrgUnitId_ReceivedAt",
                table: "Incidents",
                columns: new[] { "OrgUnitId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_PlaceId",
                table: "Incidents",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ReceivedAt",
                table: "Incidents",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentLinks");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
