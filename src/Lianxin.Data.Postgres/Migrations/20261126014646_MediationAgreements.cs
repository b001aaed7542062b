using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    DisputeRound = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Facts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Responsibilities = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AgreedContent = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PerformanceMethod = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PerformanceDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    PerformanceDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Mediators = table.Column<List<string>>(type: "text[]", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PerformedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PerformanceNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PerformanceReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    JudicialChosen = table.Column<bool>(type: "boolean", nullable: false),
                    JudicialDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    JudicialDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    JudicialAppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    JudicialCourt = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    JudicialResult = table.Column<int>(type: "integer", nullable: true),
                    JudicialDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    JudicialReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    Age = table.Column<int>(type: "integer", nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdNumberCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    IdNumberMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false)
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
