using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lianxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DictionaryItemOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrgUnitId",
                table: "DictionaryItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DictionaryItems_OrgUnitId",
                table: "DictionaryItems",
                column: "OrgUnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_DictionaryItems_OrgUnits_OrgUnitId",
                table: "DictionaryItems",
                column: "OrgUnitId",
                principalTable: "OrgUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DictionaryItems_OrgUnits_OrgUnitId",
                table: "DictionaryItems");

            migrationBuilder.DropIndex(
                name: "IX_DictionaryItems_OrgUnitId",
                table: "DictionaryItems");

            migrationBuilder.DropColumn(
                name: "OrgUnitId",
                table: "DictionaryItems");
        }
    }
}
