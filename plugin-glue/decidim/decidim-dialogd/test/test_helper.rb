# frozen_string_literal: true

# Loads the module's plain Ruby parts (no Decidim) and starts one live dialogd for the whole run:
# a fresh SQLite database in a temporary folder, editor and portal keys from `dialogd keys create`,
# `dialogd serve --port 0`. DIALOGD_BIN names the binary (CI passes the sanitizer build).
# When DIALOGD_TEST_URL is set (tests/steps/50-decidim-gem.sh starts the server itself and watches
# its exit for sanitizer reports), that server is used with the keys in DIALOGD_TEST_{ADMIN,EDITOR,PORTAL}_KEY.
$LOAD_PATH.unshift(File.expand_path("../lib", __dir__))

require "json"
require "open3"
require "tmpdir"
require "fileutils"
require "io/wait"
require "socket"
require "minitest/autorun"
require "decidim/dialogd/standalone"

module DialogdServer
  ROOT = File.expand_path("../../../..", __dir__)
  BIN = ENV.fetch("DIALOGD_BIN") { File.join(ROOT, "build", "dialogd") }

  class << self
    attr_reader :base_url, :keys

    def start
      raise "no dialogd binary: set DIALOGD_BIN" unless BIN && File.executable?(BIN)
      return use_running(ENV.fetch("DIALOGD_TEST_URL")) if ENV["DIALOGD_TEST_URL"]

      @dir = Dir.mktmpdir("decidim-dialogd-test-")
      db = "sqlite:#{File.join(@dir, 'test.db')}"
      @keys = %w[admin editor portal].to_h { |role| [role.to_sym, create_key(db, role)] }
      spawn_server(db)
      Minitest.after_run { stop }
    end

    def stop
      return unless @pid

      Process.kill("TERM", @pid)
      Process.wait(@pid)
      @pid = nil
      @log_thread&.join(2)
      FileUtils.rm_rf(@dir)
    rescue Errno::ESRCH, Errno::ECHILD
      @pid = nil
    end

    def client(role = nil, **options)
      Decidim::Dialogd::Client.new(base_url: base_url, api_key: role && keys.fetch(role), **options)
    end

    # A dialogue with a complete plan, moved to in_dialogue so it takes contributions.
    def open_dialogue(title: "Framtidens hälso- och sjukvård i Norrbotten")
      editor = client(:editor)
      dialogue = editor.create_dialogue(complete_plan(title))
      %w[planned preparing in_dialogue].each { |to| editor.transition(dialogue["id"], to) }
      dialogue
    end

    def complete_plan(title)
      {
        title: title, body: "Beredningen för hållbar utveckling", case_number: "383-2018",
        informs_decision: "Regionplan 2028-2031",
        question_areas: ["Tillgänglighet till vård", "Kollektivtrafik till vårdcentralen"],
        purpose: "Att fånga medborgarnas behov inför regionplanen.",
        target_groups: [
          { key: "unga", label: "Unga 16-25 år", expected_share: 0.12 },
          { key: "aldre", label: "Äldre 65+", expected_share: 0.24 },
          { key: "inland", label: "Boende i inlandet", expected_share: 0.3 }
        ],
        methods: %w[dialogue_cafe survey], declared_level: 3,
        feedback_plan: { channels: %w[email web], promise: "Du får rapporten och fullmäktiges beslut per e-post.",
                         days_after_report: 30, days_after_decision: 30 },
        period: { start: "2027-02-01", end: "2027-05-31" }
      }
    end

    # An activity, so the representation has reached counts to draw.
    def add_activity(dialogue_id)
      client(:editor).post("/v1/dialogues/#{dialogue_id}/activities", {
                             method: "dialogue_cafe", held_on: "2027-03-04", place: "Folkets hus, Jokkmokk",
                             municipality: "Jokkmokk", members_present: ["Anna Andersson (S)"],
                             participants: { total: 40, by_group: { unga: 2, aldre: 18, inland: 40 } },
                             documentation: { public: "Samtal om öppettider.", internal: "Intern anteckning" }
                           })
    end

    def route_exists?(method, path)
      @routes ||= Open3.capture2(BIN, "routes").first
      @routes.lines.any? { |l| l.strip == "#{method} #{path}" }
    end

    private

    def use_running(url)
      @base_url = url
      @keys = %i[admin editor portal].to_h { |role| [role, ENV.fetch("DIALOGD_TEST_#{role.upcase}_KEY")] }
    end

    def create_key(db, role)
      out, status = Open3.capture2e(BIN, "keys", "create", "--role", role, "--name", "decidim-dialogd test #{role}",
                                    "--db", db)
      raise "keys create failed: #{out}" unless status.success?

      out.strip.lines.last.strip
    end

    def spawn_server(db)
      reader, writer = IO.pipe
      @pid = Process.spawn(BIN, "serve", "--port", "0", "--db", db, err: writer, out: File::NULL)
      writer.close
      port = wait_for_port(reader)
      @base_url = "http://127.0.0.1:#{port}"
      @log_thread = Thread.new { reader.each_line { |_| nil } } # keep draining the log
    end

    def wait_for_port(reader)
      log = +""
      deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + 30
      while Process.clock_gettime(Process::CLOCK_MONOTONIC) < deadline
        unless reader.wait_readable(1)
          raise "dialogd exited:\n#{log}" if Process.waitpid(@pid, Process::WNOHANG)

          next
        end
        line = reader.gets
        raise "dialogd closed its log:\n#{log}" if line.nil?

        log << line
        entry = begin
          JSON.parse(line)
        rescue JSON::ParserError
          {}
        end
        return entry["port"] if entry["msg"] == "listening"
      end
      raise "dialogd did not start:\n#{log}"
    end
  end
end

Decidim::Dialogd.load_translations!
DialogdServer.start
