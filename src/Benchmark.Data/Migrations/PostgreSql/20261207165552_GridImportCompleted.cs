using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Benchmark.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class GridImportCompleted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Completed",
                table: "GridImports",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Completed",
                table: "GridImports");
        }
    }
}
