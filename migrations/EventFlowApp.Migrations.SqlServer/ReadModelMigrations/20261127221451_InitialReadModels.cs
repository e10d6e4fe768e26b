using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventFlowApp.Migrations.SqlServer.ReadModelMigrations
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    processor = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false),
                    event_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    event_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    error = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    detail = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processor_parked_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "processors",
                columns: table => new
                {
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false),
                    replay_until = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    last_error_position = table.Column<long>(type: "bigint", nullable: true),
                    last_error_event_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    last_error_event_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    last_error = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    last_error_detail = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    last_error_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    parked_count = table.Column<int>(type: "int", nullable: false),
                    lease_owner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    updated_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processors", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "read_model_generations",
                columns: table => new
                {
                    read_model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    generation = table.Column<int>(type: "int", nullable: false),
                    state = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    up_to_position = table.Column<long>(type: "bigint", nullable: true),
                    up_to_time = table.Column<DateTime>(type: "datetime2", nullable: true),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    completed_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    error = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_read_model_generations", x => new { x.read_model, x.generation });
                });

            migrationBuilder.CreateTable(
                name: "rm_ledger_account_balances",
                columns: table => new
                {
                    generation = table.Column<int>(type: "int", nullable: false),
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ledger_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    code = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    currency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    is_closed = table.Column<bool>(type: "bit", nullable: false),
                    balance = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    reporting_balance = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    reporting_currency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    unconverted_lines = table.Column<int>(type: "int", nullable: false),
                    opened_position = table.Column<long>(type: "bigint", nullable: false),
                    last_position = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rm_ledger_account_balances", x => new { x.generation, x.id });
                });

            migrationBuilder.CreateTable(
                name: "rm_ledger_account_period_totals",
                columns: table => new
                {
                    generation = table.Column<int>(type: "int", nullable: false),
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ledger_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    account_code = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    period = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    debit = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    credit = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    reporting_debit = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    reporting_credit = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    lines = table.Column<int>(type: "int", nullable: false),
                    unconverted_lines = table.Column<int>(type: "int", nullable: false),
                    last_position = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rm_ledger_account_period_totals", x => new { x.generation, x.id });
                });

            migrationBuilder.CreateTable(
                name: "rm_ledger_books",
                columns: table => new
                {
                    generation = table.Column<int>(type: "int", nullable: false),
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    reporting_currency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    opened_position = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rm_ledger_books", x => new { x.generation, x.id });
                });

            migrationBuilder.CreateTable(
                name: "rm_ledger_counterparties",
                columns: table => new
                {
                    generation = table.Column<int>(type: "int", nullable: false),
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ledger_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    counterparty_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    currency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    control_account_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    recorded_position = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rm_ledger_counterparties", x => new { x.generation, x.id });
                });

            migrationBuilder.CreateTable(
                name: "rm_ledger_lines",
                columns: table => new
                {
                    generation = table.Column<int>(type: "int", nullable: false),
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ledger_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    entry_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    entry_number = table.Column<long>(type: "bigint", nullable: false),
                    line_number = table.Column<int>(type: "int", nullable: false),
                    account_code = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    effective_date = table.Column<DateOnly>(type: "date", nullable: false),
                    period = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    reference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    debit = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    credit = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    account_currency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    line_amount = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    line_currency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    rate = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    reporting_debit = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    reporting_credit = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    reporting_currency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    reporting_converted = table.Column<bool>(type: "bit", nullable: false),
                    reversal_of_entry_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    recorded_position = table.Column<long>(type: "bigint", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rm_ledger_lines", x => new { x.generation, x.id });
                });

            migrationBuilder.CreateTable(
                name: "rm_ledger_open_items",
                columns: table => new
                {
                    generation = table.Column<int>(type: "int", nullable: false),
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    counterparty_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    item_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    number = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    amount_paid = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    entry_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    recorded_position = table.Column<long>(type: "bigint", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rm_ledger_open_items", x => new { x.generation, x.id });
                });

            migrationBuilder.CreateTable(
                name: "rm_ledger_settlements",
                columns: table => new
                {
                    generation = table.Column<int>(type: "int", nullable: false),
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    counterparty_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    item_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    payment_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "decimal(38,10)", precision: 38, scale: 10, nullable: false),
                    recorded_position = table.Column<long>(type: "bigint", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rm_ledger_settlements", x => new { x.generation, x.id });
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

            migrationBuilder.CreateIndex(
                name: "ix_rm_ledger_account_balances_ledger_id_code",
                table: "rm_ledger_account_balances",
                columns: new[] { "generation", "ledger_id", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_rm_ledger_account_period_totals_ledger_id_period_start",
                table: "rm_ledger_account_period_totals",
                columns: new[] { "generation", "ledger_id", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_rm_ledger_counterparties_ledger_id_kind",
                table: "rm_ledger_counterparties",
                columns: new[] { "generation", "ledger_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_rm_ledger_lines_ledger_id_account_code_effective_date",
                table: "rm_ledger_lines",
                columns: new[] { "generation", "ledger_id", "account_code", "effective_date" });

            migrationBuilder.CreateIndex(
                name: "ix_rm_ledger_lines_ledger_id_effective_date",
                table: "rm_ledger_lines",
                columns: new[] { "generation", "ledger_id", "effective_date" });

            migrationBuilder.CreateIndex(
                name: "ix_rm_ledger_open_items_counterparty_id_due_date",
                table: "rm_ledger_open_items",
                columns: new[] { "generation", "counterparty_id", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_rm_ledger_settlements_counterparty_id_item_id",
                table: "rm_ledger_settlements",
                columns: new[] { "generation", "counterparty_id", "item_id" });
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

            migrationBuilder.DropTable(
                name: "rm_ledger_account_balances");

            migrationBuilder.DropTable(
                name: "rm_ledger_account_period_totals");

            migrationBuilder.DropTable(
                name: "rm_ledger_books");

            migrationBuilder.DropTable(
                name: "rm_ledger_counterparties");

            migrationBuilder.DropTable(
                name: "rm_ledger_lines");

            migrationBuilder.DropTable(
                name: "rm_ledger_open_items");

            migrationBuilder.DropTable(
                name: "rm_ledger_settlements");
        }
    }
}
