using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncidentAnalysis : Migration
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
                name: "IncidentImportErrors",
                columns: table => new
                {
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Reason = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentImportErrors", x => new { x.BatchId, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "IncidentImportRows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
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
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Preventable = table.Column<bool>(type: "boolean", nullable: false),
                    Validity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentImportRows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Format = table.Column<int>(type: "integer", nullable: false),
                    Encoding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ImportedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImportedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Valid = table.Column<int>(type: "integer", nullable: false),
                    Stored = table.Column<int>(type: "integer", nullable: false),
                    Duplicates = table.Column<int>(type: "integer", nullable: false),
                    Invalid = table.Column<int>(type: "integer", nullable: false),
                    Failure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentImports_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentTallies",
                columns: table => new
                {
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Span = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Valid = table.Column<int>(type: "integer", nullable: false),
                    Repeat = table.Column<int>(type: "integer", nullable: false),
                    Invalid = table.Column<int>(type: "integer", nullable: false),
                    Preventable = table.Column<int>(type: "integer", nullable: false),
                    H00 = table.Column<int>(type: "integer", nullable: false),
                    H01 = table.Column<int>(type: "integer", nullable: false),
                    H02 = table.Column<int>(type: "integer", nullable: false),
                    H03 = table.Column<int>(type: "integer", nullable: false),
                    H04 = table.Column<int>(type: "integer", nullable: false),
                    H05 = table.Column<int>(type: "integer", nullable: false),
                    H06 = table.Column<int>(type: "integer", nullable: false),
                    H07 = table.Column<int>(type: "integer", nullable: false),
                    H08 = table.Column<int>(type: "integer", nullable: false),
                    H09 = table.Column<int>(type: "integer", nullable: false),
                    H10 = table.Column<int>(type: "integer", nullable: false),
                    H11 = table.Column<int>(type: "integer", nullable: false),
                    H12 = table.Column<int>(type: "integer", nullable: false),
                    H13 = table.Column<int>(type: "integer", nullable: false),
                    H14 = table.Column<int>(type: "integer", nullable: false),
                    H15 = table.Column<int>(type: "integer", nullable: false),
                    H16 = table.Column<int>(type: "integer", nullable: false),
                    H17 = table.Column<int>(type: "integer", nullable: false),
                    H18 = table.Column<int>(type: "integer", nullable: false),
                    H19 = table.Column<int>(type: "integer", nullable: false),
                    H20 = table.Column<int>(type: "integer", nullable: false),
                    H21 = table.Column<int>(type: "integer", nullable: false),
                    H22 = table.Column<int>(type: "integer", nullable: false),
                    H23 = table.Column<int>(type: "integer", nullable: false),
                    Mon = table.Column<int>(type: "integer", nullable: false),
                    Tue = table.Column<int>(type: "integer", nullable: false),
                    Wed = table.Column<int>(type: "integer", nullable: false),
                    Thu = table.Column<int>(type: "integer", nullable: false),
                    Fri = table.Column<int>(type: "integer", nullable: false),
                    Sat = table.Column<int>(type: "integer", nullable: false),
                    Sun = table.Column<int>(type: "integer", nullable: false)
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
                name: "PublicSecurityCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    LimitDays = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    HandlingOfficerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HandlingOfficer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WarnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConcludedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "IX_IncidentImportRows_BatchId",
                table: "IncidentImportRows",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentImports_OrgUnitId_StartedAt",
                table: "IncidentImports",
                columns: new[] { "OrgUnitId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentImports_Sha256",
                table: "IncidentImports",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentTallies_Span_Day_OrgUnitId",
                table: "IncidentTallies",
                columns: new[] { "Span", "Day", "OrgUnitId" });

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
                name: "IncidentImportErrors");

            migrationBuilder.DropTable(
                name: "IncidentImportRows");

            migrationBuilder.DropTable(
                name: "IncidentImports");

            migrationBuilder.DropTable(
                name: "IncidentTallies");

            migrationBuilder.DropTable(
                name: "LookBackTasks");

            migrationBuilder.DropTable(
                name: "PublicSecurityCases");

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
