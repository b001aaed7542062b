using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MediationAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MediationAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisputeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    DisputeRound = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Responsibilities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AgreedContent = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PerformanceMethod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PerformanceDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PerformanceDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Mediators = table.Column<string>(type: "TEXT", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PerformedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PerformanceNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PerformanceReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MissedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    JudicialChosen = table.Column<bool>(type: "INTEGER", nullable: false),
                    JudicialDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    JudicialDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    JudicialAppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    JudicialCourt = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    JudicialResult = table.Column<int>(type: "INTEGER", nullable: true),
                    JudicialDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    JudicialReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationAgreements_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediationAgreementParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    Age = table.Column<int>(type: "INTEGER", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IdNumberCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationAgreementParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationAgreementParties_MediationAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "MediationAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MediationAgreementParties_AgreementId",
                table: "MediationAgreementParties",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationAgreements_DisputeId_Sequence",
                table: "MediationAgreements",
                columns: new[] { "DisputeId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediationAgreements_Status_PerformanceDueAt",
                table: "MediationAgreements",
                columns: new[] { "Status", "PerformanceDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MediationAgreementParties");

            migrationBuilder.DropTable(
                name: "MediationAgreements");
        }
    }
}
