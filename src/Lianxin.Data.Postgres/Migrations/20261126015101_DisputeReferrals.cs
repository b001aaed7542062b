using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DisputeReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiverKind = table.Column<int>(type: "integer", nullable: false),
                    ReceiverOrganization = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContactPhoneCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    ContactPhoneHash = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ContactPhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Facts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WorkDone = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Materials = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReferredById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AcknowledgeDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedVia = table.Column<int>(type: "integer", nullable: true),
                    AcknowledgedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResultAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    ResultText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResultVia = table.Column<int>(type: "integer", nullable: true),
                    ResultById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResultByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LinkTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LinkIssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LinkExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResultReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_DisputeId",
                table: "Referrals",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_LinkTokenHash",
                table: "Referrals",
                column: "LinkTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ResultAt_AcknowledgeDueAt",
                table: "Referrals",
                columns: new[] { "ResultAt", "AcknowledgeDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Referrals");
        }
    }
}
