using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Carbon.Server.Ledger.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnterpriseRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprise_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IndustryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Scale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LandAreaMu = table.Column<decimal>(type: "numeric", nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LandGrantedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprise_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enterprise_revisions_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_revisions_Uscc_Revision",
                table: "enterprise_revisions",
                columns: new[] { "Uscc", "Revision" },
                unique: true);

            // Every registered enterprise's profile becomes its revision 1, before the columns leave `enterprises`.
            migrationBuilder.Sql(@"INSERT INTO enterprise_revisions (""Uscc"", ""Revision"", ""Name"", ""Industry"", ""Scale"", ""LandAreaMu"", ""Actor"", ""RecordedAt"")
                SELECT ""Uscc"", 1, ""Name"", ""Industry"", ""Scale"", ""LandAreaMu"", ""RegisteredBy"", ""RegisteredAt"" FROM enterprises;");

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
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "LandAreaMu",
                table: "enterprises",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "enterprises",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Scale",
                table: "enterprises",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(@"UPDATE enterprises SET
                ""Name"" = (SELECT r.""Name"" FROM enterprise_revisions r WHERE r.""Uscc"" = enterprises.""Uscc"" ORDER BY r.""Revision"" DESC LIMIT 1),
                ""Industry"" = (SELECT r.""Industry"" FROM enterprise_revisions r WHERE r.""Uscc"" = enterprises.""Uscc"" ORDER BY r.""Revision"" DESC LIMIT 1),
                ""Scale"" = (SELECT r.""Scale"" FROM enterprise_revisions r WHERE r.""Uscc"" = enterprises.""Uscc"" ORDER BY r.""Revision"" DESC LIMIT 1),
                ""LandAreaMu"" = (SELECT r.""LandAreaMu"" FROM enterprise_revisions r WHERE r.""Uscc"" = enterprises.""Uscc"" ORDER BY r.""Revision"" DESC LIMIT 1);");

            migrationBuilder.DropTable(
                name: "enterprise_revisions");
        }
    }
}
