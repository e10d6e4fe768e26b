using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventFlowApp.Migrations.Sqlite.ReadModelMigrations
{
    /// <inheritdoc />
    public partial class InitialReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "processor_parked_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    processor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    error = table.Column<string>(type: "TEXT", nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processor_parked_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "processors",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    replay_until = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    last_error_position = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error_event_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    last_error_event_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true),
                    last_error_detail = table.Column<string>(type: "TEXT", nullable: true),
                    last_error_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    parked_count = table.Column<int>(type: "INTEGER", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processors", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "read_model_generations",
                columns: table => new
                {
                    read_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    generation = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    up_to_position = table.Column<long>(type: "INTEGER", nullable: true),
                    up_to_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_read_model_generations", x => new { x.read_model, x.generation });
                });

            migrationBuilder.CreateIndex(
                name: "ix_processor_parked_events_processor",
                table: "processor_parked_events",
                columns: new[] { "processor", "position" });

            migrationBuilder.CreateIndex(
                name: "ux_read_model_generations_live",
                table: "read_model_generations",
                column: "read_model",
                unique: true,
                filter: "state = 'Live'");

            migrationBuilder.CreateIndex(
                name: "ux_read_model_generations_name",
                table: "read_model_generations",
                columns: new[] { "read_model", "name" },
                unique: true,
                filter: "name IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "processor_parked_events");

            migrationBuilder.DropTable(
                name: "processors");

            migrationBuilder.DropTable(
                name: "read_model_generations");
        }
    }
}
