using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
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
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RelatedId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentLinks", x => new { x.IncidentId, x.RelatedId });
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SubtypeCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CallerNameCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    CallerNameMasked = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CallerPhoneCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    CallerPhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CallerPhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddressKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Disposition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HandlingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandlingOfficer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlacedBy = table.Column<int>(type: "integer", nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Preventable = table.Column<bool>(type: "boolean", nullable: false),
                    Validity = table.Column<int>(type: "integer", nullable: false),
                    RepeatOfId = table.Column<Guid>(type: "uuid", nullable: true),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    FlaggedRepeat = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ImportBatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
