using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Benchmark.Data.Migrations.Sqlite
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
                type: "INTEGER",
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
