using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carbon.Server.Ledger.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IndustryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Scale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LandAreaMu = table.Column<decimal>(type: "TEXT", nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LandGrantedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
            migrationBuilder.Sql(@"INSERT INTO enterprise_revisions (Uscc, Revision, Name, Industry, Scale, LandAreaMu, Actor, RecordedAt)
                SELECT Uscc, 1, Name, Industry, Scale, LandAreaMu, RegisteredBy, RegisteredAt FROM enterprises;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprise_revisions");
        }
    }
}
