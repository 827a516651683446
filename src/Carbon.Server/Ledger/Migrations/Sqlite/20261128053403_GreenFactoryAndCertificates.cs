using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carbon.Server.Ledger.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GreenFactoryAndCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "FloorAreaM2",
                table: "enterprise_revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FootprintM2",
                table: "enterprise_revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "certificate_batches",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EvaluationId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    BatchId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.Number);
                    table.ForeignKey(
                        name: "FK_certificates_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "filing_products",
                columns: table => new
                {
                    FilingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_filing_products", x => new { x.FilingId, x.Line });
                    table.ForeignKey(
                        name: "FK_filing_products_filings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "filings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "green_factory_applications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_green_factory_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_green_factory_applications_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "certificate_revocations",
                columns: table => new
                {
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_revocations", x => x.Number);
                    table.ForeignKey(
                        name: "FK_certificate_revocations_certificates_Number",
                        column: x => x.Number,
                        principalTable: "certificates",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "green_factory_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_green_factory_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_green_factory_events_green_factory_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "green_factory_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_certificates_BatchId_Uscc",
                table: "certificates",
                columns: new[] { "BatchId", "Uscc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Sha256",
                table: "certificates",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Uscc",
                table: "certificates",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_green_factory_applications_Uscc",
                table: "green_factory_applications",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_green_factory_events_ApplicationId",
                table: "green_factory_events",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate_batches");

            migrationBuilder.DropTable(
                name: "certificate_revocations");

            migrationBuilder.DropTable(
                name: "filing_products");

            migrationBuilder.DropTable(
                name: "green_factory_events");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "green_factory_applications");

            migrationBuilder.DropColumn(
                name: "FloorAreaM2",
                table: "enterprise_revisions");

            migrationBuilder.DropColumn(
                name: "FootprintM2",
                table: "enterprise_revisions");
        }
    }
}
