using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncidentRepeats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommandDirectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddressKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommandDirectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommandDirectives_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LookBackPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddressKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    DealtOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Weeks = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookBackPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LookBackPlans_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepeatClusters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IncidentCount = table.Column<int>(type: "integer", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OnFocusList = table.Column<bool>(type: "boolean", nullable: false),
                    FocusOwnerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FocusStatus = table.Column<int>(type: "integer", nullable: true),
                    FocusSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepeatClusters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepeatClusters_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepeatDigests",
                columns: table => new
                {
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepeatDigests", x => new { x.StationId, x.WeekStart });
                });

            migrationBuilder.CreateTable(
                name: "LookBackTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Week = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssigneeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Result = table.Column<int>(type: "integer", nullable: true),
                    ResultNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DoneById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookBackTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LookBackTasks_LookBackPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "LookBackPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FocusNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FocusNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FocusNotes_RepeatClusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "RepeatClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepeatClusterMembers",
                columns: table => new
                {
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepeatClusterMembers", x => new { x.ClusterId, x.IncidentId });
                    table.ForeignKey(
                        name: "FK_RepeatClusterMembers_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RepeatClusterMembers_RepeatClusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "RepeatClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommandDirectives_OrgUnitId_IssuedOn",
                table: "CommandDirectives",
                columns: new[] { "OrgUnitId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommandDirectives_OrgUnitId_Number",
                table: "CommandDirectives",
                columns: new[] { "OrgUnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FocusNotes_ClusterId_At",
                table: "FocusNotes",
                columns: new[] { "ClusterId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LookBackPlans_OrgUnitId_DealtOn",
                table: "LookBackPlans",
                columns: new[] { "OrgUnitId", "DealtOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LookBackTasks_DoneAt_RemindedAt_DueAt",
                table: "LookBackTasks",
                columns: new[] { "DoneAt", "RemindedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LookBackTasks_PlanId",
                table: "LookBackTasks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_RepeatClusterMembers_IncidentId",
                table: "RepeatClusterMembers",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_RepeatClusters_Kind_Key_LastAt",
                table: "RepeatClusters",
                columns: new[] { "Kind", "Key", "LastAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepeatClusters_OnFocusList_LastAt",
                table: "RepeatClusters",
                columns: new[] { "OnFocusList", "LastAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepeatClusters_OrgUnitId_LastAt",
                table: "RepeatClusters",
                columns: new[] { "OrgUnitId", "LastAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommandDirectives");

            migrationBuilder.DropTable(
                name: "FocusNotes");

            migrationBuilder.DropTable(
                name: "LookBackTasks");

            migrationBuilder.DropTable(
                name: "RepeatClusterMembers");

            migrationBuilder.DropTable(
                name: "RepeatDigests");

            migrationBuilder.DropTable(
                name: "LookBackPlans");

            migrationBuilder.DropTable(
                name: "RepeatClusters");
        }
    }
}
