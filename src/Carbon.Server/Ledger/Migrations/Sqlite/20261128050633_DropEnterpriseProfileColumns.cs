using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carbon.Server.Ledger.Migrations.Sqlite
{
    /// <summary>
    /// Drops the profile columns from `enterprises` once they live in `enterprise_revisions`. On SQLite this rebuilds the
    /// table, which cannot run inside a transaction, so it is a migration of its own, after the copy has committed.
    /// </summary>
    public partial class DropEnterpriseProfileColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Industry",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "LandAreaMu",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "Scale",
                table: "enterprises");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Industry",
                table: "enterprises",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "LandAreaMu",
                table: "enterprises",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "enterprises",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Scale",
                table: "enterprises",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(@"UPDATE enterprises SET
                Name = (SELECT r.Name FROM enterprise_revisions r WHERE r.Uscc = enterprises.Uscc ORDER BY r.Revision DESC LIMIT 1),
                Industry = (SELECT r.Industry FROM enterprise_revisions r WHERE r.Uscc = enterprises.Uscc ORDER BY r.Revision DESC LIMIT 1),
                Scale = (SELECT r.Scale FROM enterprise_revisions r WHERE r.Uscc = enterprises.Uscc ORDER BY r.Revision DESC LIMIT 1),
                LandAreaMu = (SELECT r.LandAreaMu FROM enterprise_revisions r WHERE r.Uscc = enterprises.Uscc ORDER BY r.Revision DESC LIMIT 1);");
        }
    }
}
