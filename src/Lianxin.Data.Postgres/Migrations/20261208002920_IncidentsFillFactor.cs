using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncidentsFillFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Room on each page for a row's next version: an incident is updated through its life (placed, flagged as a
            // repeat, staged, linked), and an update that changes no indexed column and fits on its page touches none of
            // the table's indexes (a HOT update). New pages are filled to 90 %; existing ones as they are rewritten.
            migrationBuilder.Sql("ALTER TABLE \"Incidents\" SET (fillfactor = 90);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Incidents\" RESET (fillfactor);");
        }
    }
}
