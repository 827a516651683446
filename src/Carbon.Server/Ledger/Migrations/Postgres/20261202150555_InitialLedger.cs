using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Carbon.Server.Ledger.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_notes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "certificate_batches",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EvaluationId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_runs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    MethodId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MethodVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MethodJson = table.Column<string>(type: "text", nullable: false),
                    FactorSetVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "import_files",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inspector_conflicts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Inspector = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspector_conflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Account = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EmailedTo = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "micro_parks",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Operator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DevelopmentModel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FloorAreaM2 = table.Column<decimal>(type: "numeric", nullable: false),
                    StarRating = table.Column<int>(type: "integer", nullable: true),
                    Town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ParkCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Industries = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MinTaxPerMu = table.Column<decimal>(type: "numeric", nullable: true),
                    WorstClass = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_micro_parks", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "parcels",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LocationKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParkCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AreaMu = table.Column<decimal>(type: "numeric", nullable: false),
                    LandUse = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Supply = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GrantedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InvestmentPerMu = table.Column<decimal>(type: "numeric", nullable: true),
                    TaxPerMu = table.Column<decimal>(type: "numeric", nullable: true),
                    EnergyPerValueAdded = table.Column<decimal>(type: "numeric", nullable: true),
                    FloorAreaRatio = table.Column<decimal>(type: "numeric", nullable: true),
                    EmissionsT = table.Column<decimal>(type: "numeric", nullable: true),
                    StartBy = table.Column<DateOnly>(type: "date", nullable: true),
                    CompleteBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewYear = table.Column<int>(type: "integer", nullable: true),
                    Remedies = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parcels", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "parks",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parks", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PlanId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Targets = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: false),
                    Measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Cadence = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Starts = table.Column<DateOnly>(type: "date", nullable: false),
                    Ends = table.Column<DateOnly>(type: "date", nullable: false),
                    StagesJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "policies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: true),
                    Rate = table.Column<decimal>(type: "numeric", nullable: true),
                    RateBase = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Cap = table.Column<decimal>(type: "numeric", nullable: true),
                    RulesJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rectification_cases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Campaign = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    Block = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ParkCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Problems = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SupervisionCaseId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ResponsibleUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rectification_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "setup_codes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_setup_codes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_plans",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: true),
                    DrawJson = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "account_scopes",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_scopes", x => new { x.AccountId, x.Kind, x.Key });
                    table.ForeignKey(
                        name: "FK_account_scopes_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_inputs",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    ProfileRevision = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IndustryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ParkCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Scale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LandAreaMu = table.Column<decimal>(type: "numeric", nullable: false),
                    LeasedAreaMu = table.Column<decimal>(type: "numeric", nullable: false),
                    LandSource = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ParcelGroup = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LandGrantedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FilingRevisions = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MonthsFiled = table.Column<int>(type: "integer", nullable: false),
                    TaxPaid = table.Column<decimal>(type: "numeric", nullable: false),
                    ValueAdded = table.Column<decimal>(type: "numeric", nullable: false),
                    Revenue = table.Column<decimal>(type: "numeric", nullable: false),
                    RdExpense = table.Column<decimal>(type: "numeric", nullable: false),
                    EmployeeMonths = table.Column<decimal>(type: "numeric", nullable: false),
                    ElectricityKwh = table.Column<decimal>(type: "numeric", nullable: false),
                    EnergyEquivalentTce = table.Column<decimal>(type: "numeric", nullable: false),
                    EnergyCalorificTce = table.Column<decimal>(type: "numeric", nullable: false),
                    PollutantsT = table.Column<decimal>(type: "numeric", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "import_commits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Revised = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_commits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_import_commits_import_files_ImportId",
                        column: x => x.ImportId,
                        principalTable: "import_files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "micro_park_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MicroParkCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Event = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_micro_park_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_micro_park_events_micro_parks_MicroParkCode",
                        column: x => x.MicroParkCode,
                        principalTable: "micro_parks",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    ParkCode = table.Column<string>(type: "character varying(32)", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises", x => x.Uscc);
                    table.ForeignKey(
                        name: "FK_enterprises_parks_ParkCode",
                        column: x => x.ParkCode,
                        principalTable: "parks",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_task_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Progress = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PercentDone = table.Column<decimal>(type: "numeric", nullable: false),
                    Figures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Obstacles = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StagesMet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_task_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_task_reports_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_applications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PolicyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    Facts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Confirmed = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_applications_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rectification_evidence",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rectification_evidence", x => new { x.CaseId, x.Sha256 });
                    table.ForeignKey(
                        name: "FK_rectification_evidence_rectification_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "rectification_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rectification_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Closure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rectification_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rectification_steps_rectification_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "rectification_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    BatchId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    IssuedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DataJson = table.Column<string>(type: "text", nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false)
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
                name: "energy_budgets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Tce = table.Column<decimal>(type: "numeric", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_energy_budgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_energy_budgets_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "energy_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_energy_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_energy_reports_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IndustryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Scale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LandAreaMu = table.Column<decimal>(type: "numeric", nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LandGrantedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FloorAreaM2 = table.Column<decimal>(type: "numeric", nullable: true),
                    FootprintM2 = table.Column<decimal>(type: "numeric", nullable: true),
                    LeasedAreaMu = table.Column<decimal>(type: "numeric", nullable: true),
                    ParcelGroup = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Designations = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "filings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    WaterM3 = table.Column<decimal>(type: "numeric", nullable: false),
                    OutputValue = table.Column<decimal>(type: "numeric", nullable: false),
                    ValueAdded = table.Column<decimal>(type: "numeric", nullable: false),
                    Revenue = table.Column<decimal>(type: "numeric", nullable: false),
                    TaxPaid = table.Column<decimal>(type: "numeric", nullable: false),
                    Employees = table.Column<int>(type: "integer", nullable: false),
                    RdExpense = table.Column<decimal>(type: "numeric", nullable: false),
                    CodT = table.Column<decimal>(type: "numeric", nullable: true),
                    Nh3nT = table.Column<decimal>(type: "numeric", nullable: true),
                    So2T = table.Column<decimal>(type: "numeric", nullable: true),
                    NoxT = table.Column<decimal>(type: "numeric", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Confirmation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_filings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_filings_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "firm_registers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_firm_registers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_firm_registers_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "form2051_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Opening = table.Column<decimal>(type: "numeric", nullable: true),
                    Purchased = table.Column<decimal>(type: "numeric", nullable: true),
                    PurchaseAmount = table.Column<decimal>(type: "numeric", nullable: true),
                    Consumed = table.Column<decimal>(type: "numeric", nullable: true),
                    Industrial = table.Column<decimal>(type: "numeric", nullable: true),
                    Feedstock = table.Column<decimal>(type: "numeric", nullable: true),
                    NonIndustrial = table.Column<decimal>(type: "numeric", nullable: true),
                    Transport = table.Column<decimal>(type: "numeric", nullable: true),
                    Closing = table.Column<decimal>(type: "numeric", nullable: true),
                    Coefficient = table.Column<decimal>(type: "numeric", nullable: true),
                    Reference = table.Column<decimal>(type: "numeric", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_form2051_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_form2051_lines_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_form2051_lines_import_files_ImportId",
                        column: x => x.ImportId,
                        principalTable: "import_files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "green_factory_applications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RuleSetId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Product = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                name: "grid_electricity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Kwh = table.Column<decimal>(type: "numeric", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grid_electricity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_grid_electricity_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parcel_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParcelCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Event = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Holder = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Investment = table.Column<decimal>(type: "numeric", nullable: true),
                    FloorAreaRatio = table.Column<decimal>(type: "numeric", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Lessee = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    Mu = table.Column<decimal>(type: "numeric", nullable: true),
                    Disposal = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parcel_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parcel_events_enterprises_Holder",
                        column: x => x.Holder,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_parcel_events_parcels_ParcelCode",
                        column: x => x.ParcelCode,
                        principalTable: "parcels",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_requests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_requests_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_cases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PlanId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AssignedInspectors = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_cases_enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_supervision_cases_supervision_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "supervision_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_application_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_application_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_application_steps_policy_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "policy_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "certificate_revocations",
                columns: table => new
                {
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
                name: "filing_energy",
                columns: table => new
                {
                    FilingId = table.Column<long>(type: "bigint", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Carrier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Feedstock = table.Column<decimal>(type: "numeric", nullable: false),
                    MeasuredNcv = table.Column<decimal>(type: "numeric", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_filing_energy", x => new { x.FilingId, x.Line });
                    table.ForeignKey(
                        name: "FK_filing_energy_filings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "filings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "filing_products",
                columns: table => new
                {
                    FilingId = table.Column<long>(type: "bigint", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
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
                name: "green_factory_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_green_factory_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_green_factory_events_green_factory_applications_Application~",
                        column: x => x.ApplicationId,
                        principalTable: "green_factory_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_request_attachments",
                columns: table => new
                {
                    RequestId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_request_attachments", x => new { x.RequestId, x.Sha256 });
                    table.ForeignKey(
                        name: "FK_service_request_attachments_service_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "service_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_request_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Satisfied = table.Column<bool>(type: "boolean", nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_request_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_request_steps_service_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "service_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_evidence",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_evidence", x => x.Sha256);
                    table.ForeignKey(
                        name: "FK_supervision_evidence_supervision_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "supervision_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_steps_supervision_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "supervision_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_notes_Subject_Year_Month",
                table: "alert_notes",
                columns: new[] { "Subject", "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_AccountId",
                table: "api_tokens",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_Hash",
                table: "api_tokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_Subject",
                table: "audit_events",
                column: "Subject");

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
                name: "IX_energy_budgets_Uscc_Year",
                table: "energy_budgets",
                columns: new[] { "Uscc", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_energy_reports_Uscc",
                table: "energy_reports",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_energy_reports_Year_Uscc",
                table: "energy_reports",
                columns: new[] { "Year", "Uscc" });

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_revisions_Uscc_Revision",
                table: "enterprise_revisions",
                columns: new[] { "Uscc", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_ParkCode",
                table: "enterprises",
                column: "ParkCode");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_runs_Year",
                table: "evaluation_runs",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_filings_Uscc_Year_Month_Revision",
                table: "filings",
                columns: new[] { "Uscc", "Year", "Month", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_filings_Year_Month",
                table: "filings",
                columns: new[] { "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_firm_registers_Uscc_Kind_Revision",
                table: "firm_registers",
                columns: new[] { "Uscc", "Kind", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_form2051_lines_ImportId",
                table: "form2051_lines",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_form2051_lines_Uscc_Year_Month",
                table: "form2051_lines",
                columns: new[] { "Uscc", "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_green_factory_applications_Uscc",
                table: "green_factory_applications",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_green_factory_events_ApplicationId",
                table: "green_factory_events",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_grid_electricity_Uscc",
                table: "grid_electricity",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_grid_electricity_Year_Uscc_Month",
                table: "grid_electricity",
                columns: new[] { "Year", "Uscc", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_import_commits_ImportId",
                table: "import_commits",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_import_files_Sha256",
                table: "import_files",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_inspector_conflicts_Inspector_Uscc",
                table: "inspector_conflicts",
                columns: new[] { "Inspector", "Uscc" });

            migrationBuilder.CreateIndex(
                name: "IX_messages_Account_Key",
                table: "messages",
                columns: new[] { "Account", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_micro_park_events_MicroParkCode",
                table: "micro_park_events",
                column: "MicroParkCode");

            migrationBuilder.CreateIndex(
                name: "IX_parcel_events_Holder",
                table: "parcel_events",
                column: "Holder");

            migrationBuilder.CreateIndex(
                name: "IX_parcel_events_ParcelCode",
                table: "parcel_events",
                column: "ParcelCode");

            migrationBuilder.CreateIndex(
                name: "IX_plan_task_reports_TaskId",
                table: "plan_task_reports",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_PlanId",
                table: "plan_tasks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_application_steps_ApplicationId",
                table: "policy_application_steps",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_applications_PolicyId_Uscc",
                table: "policy_applications",
                columns: new[] { "PolicyId", "Uscc" });

            migrationBuilder.CreateIndex(
                name: "IX_rectification_cases_Campaign",
                table: "rectification_cases",
                column: "Campaign");

            migrationBuilder.CreateIndex(
                name: "IX_rectification_steps_CaseId",
                table: "rectification_steps",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_service_request_steps_RequestId",
                table: "service_request_steps",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_service_requests_Uscc",
                table: "service_requests",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_cases_PlanId",
                table: "supervision_cases",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_cases_Uscc",
                table: "supervision_cases",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_cases_Year",
                table: "supervision_cases",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_evidence_CaseId",
                table: "supervision_evidence",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_steps_CaseId",
                table: "supervision_steps",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_scopes");

            migrationBuilder.DropTable(
                name: "alert_notes");

            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "certificate_batches");

            migrationBuilder.DropTable(
                name: "certificate_revocations");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "energy_budgets");

            migrationBuilder.DropTable(
                name: "energy_reports");

            migrationBuilder.DropTable(
                name: "enterprise_revisions");

            migrationBuilder.DropTable(
                name: "evaluation_inputs");

            migrationBuilder.DropTable(
                name: "filing_energy");

            migrationBuilder.DropTable(
                name: "filing_products");

            migrationBuilder.DropTable(
                name: "firm_registers");

            migrationBuilder.DropTable(
                name: "form2051_lines");

            migrationBuilder.DropTable(
                name: "green_factory_events");

            migrationBuilder.DropTable(
                name: "grid_electricity");

            migrationBuilder.DropTable(
                name: "import_commits");

            migrationBuilder.DropTable(
                name: "inspector_conflicts");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "micro_park_events");

            migrationBuilder.DropTable(
                name: "parcel_events");

            migrationBuilder.DropTable(
                name: "plan_task_reports");

            migrationBuilder.DropTable(
                name: "policy_application_steps");

            migrationBuilder.DropTable(
                name: "rectification_evidence");

            migrationBuilder.DropTable(
                name: "rectification_steps");

            migrationBuilder.DropTable(
                name: "service_request_attachments");

            migrationBuilder.DropTable(
                name: "service_request_steps");

            migrationBuilder.DropTable(
                name: "setup_codes");

            migrationBuilder.DropTable(
                name: "supervision_evidence");

            migrationBuilder.DropTable(
                name: "supervision_steps");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "evaluation_runs");

            migrationBuilder.DropTable(
                name: "filings");

            migrationBuilder.DropTable(
                name: "green_factory_applications");

            migrationBuilder.DropTable(
                name: "import_files");

            migrationBuilder.DropTable(
                name: "micro_parks");

            migrationBuilder.DropTable(
                name: "parcels");

            migrationBuilder.DropTable(
                name: "plan_tasks");

            migrationBuilder.DropTable(
                name: "policy_applications");

            migrationBuilder.DropTable(
                name: "rectification_cases");

            migrationBuilder.DropTable(
                name: "service_requests");

            migrationBuilder.DropTable(
                name: "supervision_cases");

            migrationBuilder.DropTable(
                name: "policies");

            migrationBuilder.DropTable(
                name: "enterprises");

            migrationBuilder.DropTable(
                name: "supervision_plans");

            migrationBuilder.DropTable(
                name: "parks");
        }
    }
}
