using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Benchmark.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SessionOccurrences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_WaveId_GroupId_EnrolmentId_SessionId",
                table: "Sessions");

            migrationBuilder.AddColumn<int>(
                name: "Occurrence",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ReplacesId",
                table: "Sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ReplacesId",
                table: "Sessions",
                column: "ReplacesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_WaveId_GroupId_EnrolmentId_SessionId_Occurrence",
                table: "Sessions",
                columns: new[] { "WaveId", "GroupId", "EnrolmentId", "SessionId", "Occurrence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_ReplacesId",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_WaveId_GroupId_EnrolmentId_SessionId_Occurrence",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Occurrence",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReplacesId",
                table: "Sessions");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_WaveId_GroupId_EnrolmentId_SessionId",
                table: "Sessions",
                columns: new[] { "WaveId", "GroupId", "EnrolmentId", "SessionId" },
                unique: true);
        }
    }
}
