using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carbon.Server.Ledger.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FilingsByYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_filings_Year_Month",
                table: "filings",
                columns: new[] { "Year", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_filings_Year_Month",
                table: "filings");
        }
    }
}
