#include "tools/accordctl/command_line.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/accordctl/commands.h"
#include "tools/accordctl/duration_option.h"
#include "tools/accordctl/search_words.h"

namespace accord::ctl {
namespace {

constexpr char kCommands[] =
    "ingest, get, bundle, search, entity, entities, relations, event, "
    "events, story, stories, watch, stats, health, backup, backups";

constexpr char kFooter[] =
    "Exit status: 0 ok, 1 error (health: a server not SERVING), 3 some\n"
    "documents rejected. Options may come before or after the command;\n"
    "\"--\" ends the options. Durations: seconds (5, 0.5) or a number with\n"
    "a unit (500ms, 5s, 2m, 1h).";

constexpr char kSearchFooter[] =
    "QUERY: words (ranked by BM25), \"quoted phrases\", +required and\n"
    "-excluded words or phrases, e.g.\n"
    "  accordctl search '\"information security\"' -ASEAN --languages=en\n"
    "A query word may start with '-'; words after \"--\" are query words\n"
    "whatever they look like.\n\n";

// Usage lines: the arguments after "--" are checked here, not by CLI11
// (whose usage would show them as optional).
class Formatter : public CLI::Formatter {
 public:
  std::string make_usage(const CLI::App* app, std::string name) const final {
    static const auto* lines = new std::map<std::string, std::string>{
        {"accordctl", "accordctl [OPTIONS] COMMAND [ARGS...]"},
        {"ingest", "accordctl ingest [OPTIONS] PATH..."},
        {"get", "accordctl get [OPTIONS] ID"},
        {"bundle", "accordctl bundle [OPTIONS] ID"},
        {"search", "accordctl search [OPTIONS] QUERY..."},
        {"health", "accordctl health [OPTIONS]"},
        {"entity", "accordctl entity [OPTIONS] ID"},
        {"entities", "accordctl entities [OPTIONS] NAME..."},
        {"relations", "accordctl relations [OPTIONS] ID"},
        {"event", "accordctl event [OPTIONS] ID"},
        {"events", "accordctl events [OPTIONS]"},
        {"story", "accordctl story [OPTIONS] ID"},
        {"watch", "accordctl watch [OPTIONS] [QUERY...]"},
        {"stats", "accordctl stats [OPTIONS]"},
        {"stories", "accordctl stories [OPTIONS]"},
        {"backup", "accordctl backup [OPTIONS]"},
        {"backups", "accordctl backups [OPTIONS]"},
    };
    auto it = lines->find(app->get_name());
    if (it == lines->end()) return CLI::Formatter::make_usage(app, name);
    return absl::StrCat("Usage: ", it->second, "\n");
  }
};

// Adds each option to the commands it applies to and, hidden unless it is
// a server option, to the main command line, so that it may come before
// the command too (as every option could before CLI11).
class OptionTable {
 public:
  using Adder = std::function<CLI::Option*(CLI::App*)>;

  explicit OptionTable(CLI::App* main) : main_(main) {}

  void Add(const std::vector<CLI::App*>& commands, const Adder& add,
           const std::string& group = "Options") {
    CLI::Option* on_main = add(main_);
    // An empty group hides an option from the main help; each command's
    // help lists it.
    on_main->group(group == "Options" ? "" : group);
    for (CLI::App* command : commands) add(command)->group(group);
  }

 private:
  CLI::App* const main_;
};

// --color and --progress: auto, always or never.
template <typename Mode>
OptionTable::Adder WhenOption(std::string name, Mode* mode,
                              std::string description) {
  return [name, mode, description](CLI::App* app) {
    return app
        ->add_option_function<std::string>(
            name,
            [name, mode](const std::string& value) {
              if (value == "auto") {
                *mode = Mode::kAuto;
              } else if (value == "always") {
                *mode = Mode::kAlways;
              } else if (value == "never") {
                *mode = Mode::kNever;
              } else {
                throw CLI::ValidationError(
                    name, absl::StrCat("\"", value,
                                       "\" is not one of auto, always, never"));
              }
            },
            description)
        ->type_name("WHEN")
        ->default_str("auto");
  };
}

struct Commands {
  CLI::App* ingest;
  CLI::App* get;
  CLI::App* bundle;
  CLI::App* search;
  CLI::App* health;
  CLI::App* entity;
  CLI::App* entities;
  CLI::App* relations;
  CLI::App* event;
  CLI::App* events;
  CLI::App* story;
  CLI::App* watch;
  CLI::App* stats;
  CLI::App* stories;
  CLI::App* backup;
  CLI::App* backups;
};

void AddOptions(const Commands& c, OptionTable& table, CtlOptions* o) {
  // Every command takes the server options, also those it does not call:
  // one alias or script sets both addresses for all commands.
  const std::string server = "Server options";
  const std::vector<CLI::App*> all = {
      c.ingest,   c.get,     c.bundle, c.search, c.health,    c.entity,
      c.entities, c.event,   c.events, c.story,  c.relations, c.watch,
      c.stats,    c.stories, c.backup, c.backups};
  table.Add(
      all,
      [o](CLI::App* app) {
        return app
            ->add_option("--ingest_addr", o->ingest_addr,
                         "ingest-service address")
            ->type_name("HOST:PORT")
            ->capture_default_str();
      },
      server);
  table.Add(
      all,
      [o](CLI::App* app) {
        return app
            ->add_option("--query_addr", o->query_addr, "query-service address")
            ->type_name("HOST:PORT")
            ->capture_default_str();
      },
      server);
  table.Add(
      all,
      [o](CLI::App* app) {
        return app
            ->add_option_function<std::string>(
                "--timeout",
                [o](const std::string& value) {
                  absl::StatusOr<absl::Duration> timeout =
                      ParseDurationOption(value);
                  if (!timeout.ok()) {
                    throw CLI::ValidationError(
                        "--timeout", std::string(timeout.status().message()));
                  }
                  o->timeout = *timeout;
                },
                "deadline of each call (health: 10s unless given)")
            ->type_name("DURATION")
            ->default_str("10m");
      },
      server);
  table.Add(
      all,
      [o](CLI::App* app) {
        return app
            ->add_option("--tls_ca_file", o->security.tls_ca_file,
                         "PEM CA that signed the servers' certificates: "
                         "connect with TLS")
            ->type_name("FILE");
      },
      server);
  table.Add(
      all,
      [o](CLI::App* app) {
        return app
            ->add_option("--tls_cert_file", o->security.tls_cert_file,
                         "PEM client certificate, for servers that ask for one "
                         "(mutual TLS)")
            ->type_name("FILE");
      },
      server);
  table.Add(
      all,
      [o](CLI::App* app) {
        return app
            ->add_option("--tls_key_file", o->security.tls_key_file,
                         "PEM key of --tls_cert_file")
            ->type_name("FILE");
      },
      server);
  table.Add(
      all,
      [o](CLI::App* app) {
        return app
            ->add_option("--tls_server_name", o->security.tls_server_name,
                         "name the servers' certificates carry, if not the "
                         "address's host")
            ->type_name("NAME");
      },
      server);
  table.Add(
      all,
      [o](CLI::App* app) {
        return app
            ->add_option("--token_file", o->security.token_file,
                         "file whose first line is the bearer token (default: "
                         "$ACCORD_TOKEN)")
            ->type_name("FILE");
      },
      server);

  table.Add({c.ingest}, [o](CLI::App* app) {
    return app
        ->add_option("--submitter", o->submitter,
                     "submitter recorded in the bundle")
        ->capture_default_str();
  });
  table.Add({c.ingest}, [o](CLI::App* app) {
    return app->add_option("--label", o->label, "label recorded in the bundle");
  });
  table.Add({c.ingest}, [o](CLI::App* app) {
    return app->add_option(
        "--request_id", o->request_id,
        "idempotency key: re-sending with the same key stores nothing new");
  });
  table.Add({c.ingest}, [o](CLI::App* app) {
    return app
        ->add_option("--content_type", o->content_type,
                     "content type of every file (default: from the file "
                     "name; .txt and none: text/plain)")
        ->type_name("TYPE");
  });
  table.Add({c.ingest}, [o](CLI::App* app) {
    return app
        ->add_option("--charset", o->charset,
                     "charset of every file, e.g. iso-8859-1, windows-1252 "
                     "(default: UTF-8, or a byte-order mark)")
        ->type_name("NAME");
  });
  table.Add({c.ingest}, [o](CLI::App* app) {
    return app
        ->add_option("--stream_threshold_bytes", o->stream_threshold_bytes,
                     "bundles larger than this are sent with StreamIngest")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
  });
  table.Add({c.ingest}, [o](CLI::App* app) {
    return app
        ->add_option("--chunk_bytes", o->chunk_bytes,
                     "content bytes per StreamIngest message")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
  });
  table.Add({c.ingest}, [o](CLI::App* app) {
    return app
        ->add_option_function<std::string>(
            "--busy_wait",
            [o](const std::string& value) {
              if (value == "0") {
                o->busy_wait = absl::ZeroDuration();
                return;
              }
              absl::StatusOr<absl::Duration> wait = ParseDurationOption(value);
              if (!wait.ok()) {
                throw CLI::ValidationError(
                    "--busy_wait", std::string(wait.status().message()));
              }
              o->busy_wait = *wait;
            },
            "while the server is busy (INGEST_BUSY: nothing stored), send "
            "the bundle again after the delay it asks, for at most this "
            "long (0: never)")
        ->type_name("DURATION")
        ->default_str("2m");
  });
  table.Add({c.ingest, c.bundle}, [o](CLI::App* app) {
    return app->add_flag("-q,--quiet", o->quiet,
                         "print only rejected documents and the summary line");
  });
  table.Add({c.ingest},
            WhenOption("--progress", &o->progress,
                       "progress on stderr: auto (on a terminal, unless "
                       "--quiet), always, never"));

  table.Add({c.get}, [o](CLI::App* app) {
    return app->add_flag("--raw", o->raw, "print the bytes as submitted");
  });

  table.Add({c.search, c.watch}, [o](CLI::App* app) {
    return app
        ->add_option("--languages", o->languages,
                     "only these languages: ISO 639-1 codes, comma-separated "
                     "(en,fr)")
        ->delimiter(',')
        ->allow_extra_args(false)  // "--languages en QUERY": one value
        ->type_name("LANG");
  });
  table.Add({c.search, c.watch}, [o](CLI::App* app) {
    return app
        ->add_option("--sources", o->sources,
                     "only these sources: agencies or URL hosts, "
                     "comma-separated")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("SOURCE");
  });
  table.Add({c.search, c.entities, c.events, c.relations, c.stories, c.backups},
            [o](CLI::App* app) {
              return app
                  ->add_option("--page_size", o->page_size,
                               "hits (search), entities or events per page")
                  ->capture_default_str();
            });
  table.Add({c.search, c.entities, c.events, c.relations, c.stories, c.backups},
            [o](CLI::App* app) {
              return app
                  ->add_option("--page_token", o->page_token,
                               "continue a previous search or listing")
                  ->type_name("TOKEN");
            });
  table.Add({c.search, c.watch}, [o](CLI::App* app) {
    return app
        ->add_option("--entities", o->entity_ids,
                     "only documents naming every one of these entity ids, "
                     "comma-separated (country/VN,country/RU)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("ID");
  });
  table.Add({c.search, c.watch, c.stories}, [o](CLI::App* app) {
    return app
        ->add_option("--topics", o->topic_ids,
                     "only documents with one of these topics, "
                     "comma-separated (topic/cybercrime)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("TOPIC");
  });
  table.Add({c.search}, [o](CLI::App* app) {
    return app
        ->add_option("--story", o->story_id,
                     "only the documents of this story (st-...)")
        ->type_name("ID");
  });
  table.Add({c.search, c.stats}, [o](CLI::App* app) {
    return app
        ->add_option_function<std::vector<std::string>>(
            "--facets",
            [o](const std::vector<std::string>& names) {
              for (const std::string& name : names) {
                accord::v1::FacetField field;
                const std::string upper = absl::AsciiStrToUpper(
                    name == "org" ? std::string("organization") : name);
                if (!accord::v1::FacetField_Parse("FACET_FIELD_" + upper,
                                                  &field) ||
                    field == accord::v1::FACET_FIELD_UNSPECIFIED) {
                  throw CLI::ValidationError(
                      "--facets",
                      absl::StrCat("\"", name,
                                   "\" is not one of language, topic, "
                                   "country, person, org, month, source, "
                                   "event_type"));
                }
                o->facets.push_back(field);
              }
            },
            "count all matches by these fields, comma-separated: language, "
            "topic, country, person, org, month, source, event_type")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("FIELD");
  });
  table.Add({c.search, c.stats}, [o](CLI::App* app) {
    return app
        ->add_option("--facet_size", o->facet_size,
                     "values per facet, search 1..100 (default: the server's, "
                     "10), stats 1..1000 (default 100)")
        ->type_name("N")
        ->check(CLI::Range(1, 1000));
  });
  table.Add({c.health}, [o](CLI::App* app) {
    return app
        ->add_option("--only", o->health_only,
                     "check one server only: ingest or query (a "
                     "container's health check)")
        ->type_name("SERVER")
        ->check(CLI::IsMember({"ingest", "query"}));
  });
  table.Add({c.backup}, [o](CLI::App* app) {
    return app
        ->add_option("--keep", o->keep_backups,
                     "backups to keep after this one (default: the "
                     "server's --keep_backups)")
        ->type_name("N")
        ->check(CLI::Range(0, 1000));
  });
  table.Add({c.stories}, [o](CLI::App* app) {
    return app
        ->add_option("--min_documents", o->min_documents,
                     "only stories of at least N documents (2: those more "
                     "than one document reports)")
        ->type_name("N")
        ->check(CLI::Range(0, 1000));
  });
  table.Add({c.stories}, [o](CLI::App* app) {
    return app
        ->add_option_function<std::string>(
            "--order",
            [o](const std::string& name) {
              if (name == "newest") {
                o->story_order = accord::v1::STORY_ORDER_NEWEST;
              } else if (name == "largest") {
                o->story_order = accord::v1::STORY_ORDER_LARGEST;
              } else {
                throw CLI::ValidationError(
                    "--order",
                    absl::StrCat("\"", name, "\" is not newest or largest"));
              }
            },
            "newest (latest publication first, the default) or largest")
        ->type_name("ORDER");
  });
  table.Add({c.watch}, [o](CLI::App* app) {
    return app
        ->add_option("--resume_token", o->resume_token,
                     "start after the document this token was printed with "
                     "(default: documents stored from now on)")
        ->type_name("TOKEN");
  });
  table.Add({c.watch}, [o](CLI::App* app) {
    return app->add_option("--limit", o->limit, "stop after N documents")
        ->type_name("N")
        ->check(CLI::PositiveNumber);
  });
  table.Add({c.search},
            WhenOption("--color", &o->color,
                       "matched words in bold: auto (on a terminal), always, "
                       "never"));

  table.Add({c.entity, c.entities}, [o](CLI::App* app) {
    return app
        ->add_option("--max_documents", o->max_documents,
                     "documents to list: entity 1..1000 (default: the "
                     "server's, 100), entities 1..100 of each (default 10)")
        ->type_name("N")
        ->check(CLI::Range(1, 1000));
  });
  table.Add({c.entities, c.relations}, [o](CLI::App* app) {
    return app
        ->add_option_function<std::vector<std::string>>(
            "--kinds",
            [o](const std::vector<std::string>& names) {
              for (const std::string& name : names) {
                accord::v1::EntityKind kind;
                // "org" as in the ids, or the kind's name.
                const std::string upper = absl::AsciiStrToUpper(
                    name == "org" ? std::string("organization") : name);
                if (!accord::v1::EntityKind_Parse("ENTITY_KIND_" + upper,
                                                  &kind) ||
                    kind == accord::v1::ENTITY_KIND_UNSPECIFIED) {
                  throw CLI::ValidationError(
                      "--kinds",
                      absl::StrCat("\"", name,
                                   "\" is not one of person, country, place, "
                                   "org, treaty"));
                }
                o->kinds.push_back(kind);
              }
            },
            "only these kinds, comma-separated: person, country, place, "
            "org, treaty")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("KIND");
  });

  table.Add({c.events}, [o](CLI::App* app) {
    return app
        ->add_option("--participants", o->participants,
                     "entity ids that all take part, comma-separated "
                     "(country/VN,country/RU: the events between them)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("ID");
  });
  table.Add({c.events}, [o](CLI::App* app) {
    return app->add_option("--place", o->place, "only events at this place id")
        ->type_name("ID");
  });
  table.Add({c.events, c.search, c.watch}, [o](CLI::App* app) {
    return app
        ->add_option_function<std::vector<std::string>>(
            "--types",
            [o](const std::vector<std::string>& names) {
              for (const std::string& name : names) {
                accord::v1::EventType type;
                if (!accord::v1::EventType_Parse(
                        "EVENT_TYPE_" + absl::AsciiStrToUpper(name), &type) ||
                    type == accord::v1::EVENT_TYPE_UNSPECIFIED) {
                  throw CLI::ValidationError(
                      "--types",
                      absl::StrCat("\"", name,
                                   "\" is not an event type such as meeting, "
                                   "joint_statement, signing"));
                }
                o->event_types.push_back(type);
              }
            },
            "only these event types, comma-separated: meeting, visit, "
            "joint_statement, signing, adoption, conference, training, "
            "consultation, interview, agreement, other")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("TYPE");
  });
  table.Add({c.events}, [o](CLI::App* app) {
    return app
        ->add_option("--start_date", o->start_date,
                     "only events beginning on or after this ISO 8601 date "
                     "(2017, 2017-11, 2017-11-10)")
        ->type_name("DATE");
  });
  table.Add({c.events}, [o](CLI::App* app) {
    return app
        ->add_option("--end_date", o->end_date,
                     "only events beginning on or before this date")
        ->type_name("DATE");
  });
  table.Add({c.event, c.events}, [o](CLI::App* app) {
    return app
        ->add_option("--max_reports", o->max_reports,
                     "reports to list: event 1..1000 (default: the server's, "
                     "100), events 1..100 of each (default 10)")
        ->type_name("N")
        ->check(CLI::Range(1, 1000));
  });
  table.Add({c.story}, [o](CLI::App* app) {
    return app
        ->add_option("--max_members", o->max_members,
                     "documents to list, 1..1000 (default: the server's, 100)")
        ->type_name("N")
        ->check(CLI::Range(1, 1000));
  });

  table.Add(all, [o](CLI::App* app) {
    return app->add_flag("--json", o->json, "print the reply as JSON");
  });
}

CommandLine UsageError(const std::string& message, const CLI::App* command) {
  CommandLine line;
  line.exit_code = kExitError;
  line.err = absl::StrCat("accordctl: ", message, "\nRun 'accordctl ",
                          command != nullptr ? command->get_name() + " " : "",
                          "--help' for usage.\n");
  return line;
}

// The error for a parse that found no command.
CommandLine NoCommand(const CLI::App& app, const CLI::ParseError& e) {
  std::vector<std::string> stray = app.remaining();
  if (!stray.empty()) {
    return UsageError(absl::StartsWith(stray[0], "-")
                          ? absl::StrCat("unknown option ", stray[0])
                          : absl::StrCat("unknown command \"", stray[0],
                                         "\" (commands: ", kCommands, ")"),
                      nullptr);
  }
  return UsageError(dynamic_cast<const CLI::RequiredError*>(&e) != nullptr
                        ? absl::StrCat("give a command: ", kCommands)
                        : std::string(e.what()),
                    nullptr);
}

// The one ID of `get`, `bundle` or `entity`, given before or after "--".
bool OneId(std::string* id, const std::vector<std::string>& after_mark) {
  if (after_mark.size() + (id->empty() ? 0 : 1) != 1) return false;
  if (id->empty()) *id = after_mark[0];
  return true;
}

}  // namespace

CommandLine ParseCommandLine(const std::vector<std::string>& args) {
  CommandLine line;
  CtlOptions* options = &line.options;
  CLI::App app(
      "accordctl: the operator's client for Accord (ingest-service and "
      "query-service).",
      "accordctl");
  app.formatter(std::make_shared<Formatter>());
  app.get_formatter()->column_width(34);
  app.require_subcommand(1);
  app.footer(kFooter);
  app.set_version_flag("--version", "accord " ACCORD_VERSION);

  Commands c;
  c.ingest =
      app.add_subcommand("ingest", "send files and folders as one bundle");
  std::vector<std::string> paths;
  c.ingest->add_option("PATH", paths,
                       "files, and folders (walked recursively, hidden "
                       "entries skipped)");
  c.get = app.add_subcommand("get", "print a stored document");
  std::string document_id;
  c.get->add_option("ID", document_id, "document id");
  c.bundle = app.add_subcommand("bundle", "print a stored bundle report");
  std::string bundle_id;
  c.bundle->add_option("ID", bundle_id, "bundle id");
  c.search = app.add_subcommand("search", "search documents across languages");
  c.search->footer(absl::StrCat(kSearchFooter, kFooter));
  // No short options: "-hacking" and "-ASEAN" are query words. The words
  // are CLI11's extras, in order; QueryFromWords checks them.
  c.search->set_help_flag("--help", "Print this help message and exit");
  c.search->allow_extras();
  c.entity = app.add_subcommand(
      "entity", "print an entity: names, roles, mentions and documents");
  std::string entity_id;
  c.entity->add_option("ID", entity_id, "entity id, e.g. country/VN, org/un");
  c.entities = app.add_subcommand(
      "entities",
      "find entities by a name in any language: whole, begun, or mistyped");
  std::vector<std::string> name_words;
  c.entities->add_option("NAME", name_words,
                         "a name or its beginning, e.g. Poutine, Путин, "
                         "\"Vereinte Nat\"");
  c.event = app.add_subcommand(
      "event", "print an event across documents: slots, reports, reasons");
  std::string event_id;
  c.event->add_option("ID", event_id, "event id, ev-<document id>-<index>");
  c.relations = app.add_subcommand(
      "relations",
      "who an entity is linked to: shared events and documents, topics");
  std::string relations_id;
  c.relations->add_option("ID", relations_id,
                          "entity id, e.g. country/VN, person/vladimir-putin");
  c.events = app.add_subcommand(
      "events",
      "a timeline: events by participants, country pair, place, type, dates");
  c.story = app.add_subcommand(
      "story", "print a story: its documents in every language, and why");
  std::string story_id;
  c.story->add_option("ID", story_id,
                      "story id (st-<document id>), or any document id");
  c.watch = app.add_subcommand(
      "watch", "print documents as they are stored, if they match a query");
  c.watch->footer(absl::StrCat(
      "QUERY and filters as for search; without either, every new "
      "document.\nEach line ends with the document's resume token: "
      "--resume_token=TOKEN\nstarts after it, so nothing is missed or "
      "printed twice. Runs until\n--limit, --timeout (when given) or "
      "Ctrl-C.\n\n",
      kFooter));
  c.watch->set_help_flag("--help", "Print this help message and exit");
  c.watch->allow_extras();
  c.stories = app.add_subcommand(
      "stories", "stories by date, size and topic, with their documents");
  c.stats = app.add_subcommand(
      "stats",
      "document counts by language, source, topic and month (--facets for "
      "others)");
  c.health = app.add_subcommand(
      "health", "both servers' health and the query-service's catch-up lag");
  c.backup = app.add_subcommand(
      "backup",
      "back up the store into the ingest-service's --backup_dir (admin)");
  c.backups = app.add_subcommand(
      "backups", "list the ingest-service's backups, newest first (admin)");
  for (CLI::App* command : app.get_subcommands({})) command->group("Commands");
  OptionTable table(&app);
  AddOptions(c, table, options);

  if (args.empty()) {
    line.exit_code = kExitError;
    line.err = app.help();
    return line;
  }
  // "--" ends the options for every command. CLI11 parses what comes
  // before it (and would, inside a command, misread it).
  std::vector<std::string> head = args;
  std::vector<std::string> after_mark;
  if (auto mark = std::find(head.begin(), head.end(), "--");
      mark != head.end()) {
    after_mark.assign(mark + 1, head.end());
    head.erase(mark, head.end());
  }
  std::reverse(head.begin(), head.end());  // CLI11 takes them reversed
  try {
    app.parse(head);
  } catch (const CLI::ParseError& e) {
    std::vector<CLI::App*> parsed = app.get_subcommands();
    const bool help = dynamic_cast<const CLI::CallForHelp*>(&e) != nullptr ||
                      dynamic_cast<const CLI::CallForAllHelp*>(&e) != nullptr ||
                      dynamic_cast<const CLI::CallForVersion*>(&e) != nullptr;
    if (!help && parsed.empty()) return NoCommand(app, e);
    if (!help) return UsageError(e.what(), parsed[0]);
    std::ostringstream out;
    std::ostringstream err;
    line.exit_code = app.exit(e, out, err);
    line.out = out.str();
    line.err = err.str();
    return line;
  }
  CLI::App* command = app.get_subcommands()[0];

  // An option before the command must be one the command takes.
  for (const CLI::Option* option : app.get_options()) {
    if (option->count() == 0 || option->get_lnames().empty()) continue;
    // (get_name() is empty for the options hidden from the main help.)
    std::string name = "--" + option->get_lnames()[0];
    if (command->get_option_no_throw(name) == nullptr) {
      return UsageError(
          absl::StrCat(name, " does not apply to ", command->get_name()),
          command);
    }
  }

  if (command == c.ingest) {
    paths.insert(paths.end(), after_mark.begin(), after_mark.end());
    if (paths.empty()) return UsageError("ingest: give a PATH", command);
    line.command = Command::kIngest;
    line.args = std::move(paths);
  } else if (command == c.get || command == c.bundle) {
    std::string* id = command == c.get ? &document_id : &bundle_id;
    if (!OneId(id, after_mark)) {
      return UsageError(
          absl::StrCat(command->get_name(), ": give one ",
                       command == c.get ? "document" : "bundle", " ID"),
          command);
    }
    line.command = command == c.get ? Command::kGet : Command::kBundle;
    line.args = {*id};
  } else if (command == c.entity) {
    if (!OneId(&entity_id, after_mark)) {
      return UsageError("entity: give one entity ID", command);
    }
    line.command = Command::kEntity;
    line.args = {entity_id};
  } else if (command == c.entities) {
    name_words.insert(name_words.end(), after_mark.begin(), after_mark.end());
    if (name_words.empty()) return UsageError("entities: give a NAME", command);
    line.command = Command::kEntities;
    line.args = {absl::StrJoin(name_words, " ")};
  } else if (command == c.relations) {
    if (!OneId(&relations_id, after_mark)) {
      return UsageError("relations: give one entity ID", command);
    }
    line.command = Command::kRelations;
    line.args = {relations_id};
  } else if (command == c.events) {
    if (!after_mark.empty()) {
      return UsageError("events: takes no arguments; filter with options",
                        command);
    }
    if (options->participants.empty() && options->place.empty() &&
        options->start_date.empty() && options->end_date.empty()) {
      return UsageError(
          "events: give --participants, --place, --start_date or --end_date",
          command);
    }
    line.command = Command::kEvents;
  } else if (command == c.event || command == c.story) {
    std::string* id = command == c.event ? &event_id : &story_id;
    if (!OneId(id, after_mark)) {
      return UsageError(absl::StrCat(command->get_name(), ": give one ID"),
                        command);
    }
    line.command = command == c.event ? Command::kEvent : Command::kStory;
    line.args = {*id};
  } else if (command == c.stories) {
    if (!after_mark.empty()) {
      return UsageError("stories: takes no arguments; filter with options",
                        command);
    }
    line.command = Command::kStories;
  } else if (command == c.backup || command == c.backups) {
    if (!after_mark.empty()) {
      return UsageError(
          absl::StrCat(command->get_name(), ": takes no arguments"), command);
    }
    line.command = command == c.backup ? Command::kBackup : Command::kBackups;
  } else if (command == c.stats) {
    if (!after_mark.empty()) {
      return UsageError("stats: takes no arguments", command);
    }
    line.command = Command::kStats;
  } else if (command == c.health) {
    if (!after_mark.empty()) {
      return UsageError("health: takes no arguments", command);
    }
    if (app.count("--timeout") + command->count("--timeout") == 0) {
      // A health check should answer soon, also of a hung server.
      options->timeout = absl::Seconds(10);
    }
    line.command = Command::kHealth;
  } else {
    std::vector<std::string> words = command->remaining();
    if (words.size() == 1 && words[0] == "-h" && after_mark.empty()) {
      line.out = command->help();  // "-h" alone would only exclude "h"
      return line;
    }
    std::vector<std::string> known;
    for (const CLI::Option* option : command->get_options()) {
      for (const std::string& name : option->get_lnames()) {
        known.push_back("--" + name);
      }
    }
    absl::StatusOr<std::string> query =
        QueryFromWords(words, after_mark, known);
    if (!query.ok()) {
      return UsageError(std::string(query.status().message()), command);
    }
    const bool filtered =
        !options->languages.empty() || !options->sources.empty() ||
        !options->entity_ids.empty() || !options->topic_ids.empty() ||
        !options->event_types.empty() || !options->story_id.empty();
    if (command == c.watch) {
      line.command = Command::kWatch;
      line.args = {*std::move(query)};
      options->timeout_given =
          app.count("--timeout") + command->count("--timeout") > 0;
      return line;
    }
    if (query->empty() && options->page_token.empty() && !filtered) {
      return UsageError(
          "search: give a QUERY, or filters (--entities, --topics, ...) to "
          "list the documents that pass them",
          command);
    }
    line.command = Command::kSearch;
    line.args = {*std::move(query)};
  }
  return line;
}

}  // namespace accord::ctl
