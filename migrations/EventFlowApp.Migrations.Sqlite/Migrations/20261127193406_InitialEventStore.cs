using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventFlowApp.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialEventStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commands",
                columns: table => new
                {
                    source_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    command_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    aggregate_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    aggregate_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    result = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commands", x => x.source_id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    global_sequence_number = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    aggregate_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    aggregate_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    aggregate_sequence_number = table.Column<long>(type: "INTEGER", nullable: false),
                    event_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    event_version = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: false),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.global_sequence_number);
                });

            migrationBuilder.CreateTable(
                name: "snapshots",
                columns: table => new
                {
                    aggregate_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    aggregate_sequence_number = table.Column<long>(type: "INTEGER", nullable: false),
                    aggregate_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    snapshot_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    snapshot_version = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    last_event_timestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    taken_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_snapshots", x => new { x.aggregate_id, x.aggregate_sequence_number });
                });

            migrationBuilder.CreateIndex(
                name: "ux_events_aggregate",
                table: "events",
                columns: new[] { "aggregate_id", "aggregate_sequence_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_events_event_id",
                table: "events",
                column: "event_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commands");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "snapshots");
        }
    }
}
