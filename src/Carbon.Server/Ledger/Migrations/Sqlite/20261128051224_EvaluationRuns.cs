using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carbon.Server.Ledger.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evaluation_runs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MethodId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MethodVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MethodJson = table.Column<string>(type: "TEXT", nullable: false),
                    FactorSetVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_inputs",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    ProfileRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IndustryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ParkCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Scale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LandAreaMu = table.Column<decimal>(type: "TEXT", nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LandGrantedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingRevisions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MonthsFiled = table.Column<int>(type: "INTEGER", nullable: false),
                    TaxPaid = table.Column<decimal>(type: "TEXT", nullable: false),
                    ValueAdded = table.Column<decimal>(type: "TEXT", nullable: false),
                    Revenue = table.Column<decimal>(type: "TEXT", nullable: false),
                    RdExpense = table.Column<decimal>(type: "TEXT", nullable: false),
                    EmployeeMonths = table.Column<decimal>(type: "TEXT", nullable: false),
                    ElectricityKwh = table.Column<decimal>(type: "TEXT", nullable: false),
                    EnergyEquivalentTce = table.Column<decimal>(type: "TEXT", nullable: false),
                    EnergyCalorificTce = table.Column<decimal>(type: "TEXT", nullable: false),
                    PollutantsT = table.Column<decimal>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_inputs", x => new { x.RunId, x.Uscc });
                    table.ForeignKey(
                        name: "FK_evaluation_inputs_evaluation_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "evaluation_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_runs_Year",
                table: "evaluation_runs",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluation_inputs");

            migrationBuilder.DropTable(
                name: "evaluation_runs");
        }
    }
}
