using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IncidentImportInOneTransaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentImportRows");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_ImportBatchId",
                table: "Incidents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
