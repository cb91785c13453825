# frozen_string_literal: true

require_relative "test_helper"
require "open3"
require "yaml"
require "action_view"

# The Decidim-facing files cannot run here (Decidim is not in Debian). What can be checked is checked:
# every file compiles, the real entry point loads against a recording stand-in of decidim-core with
# Debian's Rails (railties, actionpack), its engines draw their routes, and what it registers points
# at files, actions and translations that exist.
class DecidimFilesTest < Minitest::Test
  ROOT = File.expand_path("..", __dir__)
  LOCALES = %w[sv en].to_h { |l| [l, YAML.load_file(File.join(ROOT, "config/locales/#{l}.yml"))[l]] }

  PROBE = <<~RUBY
    require "json"
    require "action_dispatch"
    require "decidim/dialogd"
    routes = [Decidim::Dialogd::Engine, Decidim::Dialogd::AdminEngine].to_h do |engine|
      engine.routes.draw {}
      [engine.name, engine.routes.routes.map { |r| [r.verb, r.path.spec.to_s, r.defaults[:controller], r.defaults[:action]] }]
    end
    Decidim::Dialogd::Engine.initializers.find { |i| i.name == "decidim_dialogd.content_blocks" }.run
    m = Decidim.components.fetch(:dialogd)
    blocks = Decidim.content_blocks.registered.map do |(scope, name), b|
      { scope: scope, name: name, cell: b.cell, form: b.settings_form_cell, key: b.public_name_key,
        settings: b.settings_attributes.keys }
    end
    puts JSON.generate(
      routes: routes, blocks: blocks, engine: m.engine.name, admin_engine: m.admin_engine.name,
      isolated: Decidim::Dialogd::Engine.isolated?, permissions: m.permissions_class_name, actions: m.actions,
      settings: m.settings_by_scope.transform_values(&:keys), icon: m.icon
    )
  RUBY

  def self.probe
    @probe ||= begin
      out, err, status = Open3.capture3("ruby", "-I", File.join(ROOT, "test/support/decidim_stub"),
                                        "-I", File.join(ROOT, "lib"), "-e", PROBE)
      raise "loading lib/decidim/dialogd.rb failed:\n#{err}" unless status.success?

      JSON.parse(out.lines.last)
    end
  end

  def probe
    self.class.probe
  end

  def translation(locale, key)
    key.split(".").reduce(LOCALES[locale]) { |node, part| node.is_a?(Hash) ? node[part] : nil }
  end

  def test_every_ruby_file_compiles
    Dir[File.join(ROOT, "{app,lib,config,test}/**/*.{rb,rake}"), File.join(ROOT, "*.gemspec")].each do |file|
      RubyVM::InstructionSequence.compile_file(file)
    end
  end

  def test_every_template_compiles_with_action_view
    handler = ActionView::Template::Handlers::ERB.new
    Dir[File.join(ROOT, "app/{views,cells}/**/*.erb")].each do |file|
      template = ActionView::Template.new(File.read(file), file, handler, locals: [], format: :html)
      RubyVM::InstructionSequence.compile(handler.call(template, template.source), file)
    end
  end

  def test_component_manifest
    assert_equal "Decidim::Dialogd::Engine", probe["engine"]
    assert_equal "Decidim::Dialogd::AdminEngine", probe["admin_engine"]
    assert probe["isolated"]
    assert_equal "Decidim::Dialogd::Permissions", probe["permissions"]
    assert File.exist?(File.join(ROOT, "app/permissions/decidim/dialogd/permissions.rb"))
    assert File.exist?(File.join(ROOT, "app/packs/images", File.basename(probe["icon"])))
    assert_equal %w[announcement show_status show_ladder show_representation show_feedback show_receipt use_widgets],
                 probe["settings"]["global"]
    assert_equal %w[announcement contributions_enabled], probe["settings"]["step"]
  end

  def test_every_setting_and_action_has_sv_and_en_labels
    probe["settings"].each do |scope, names|
      names.each do |name|
        %w[sv en].each do |locale|
          assert translation(locale, "decidim.components.dialogd.settings.#{scope}.#{name}"), "#{locale}: #{scope}.#{name}"
        end
      end
    end
    %w[sv en].each { |l| assert translation(l, "decidim.components.dialogd.name") }
  end

  def test_content_block_for_the_home_page
    block = probe["blocks"].find { |b| b["scope"] == "homepage" }
    assert_equal "dialogd_dialogue", block["name"]
    assert_equal ["component_id"], block["settings"]
    [block["cell"], block["form"]].each do |cell|
      assert File.exist?(File.join(ROOT, "app/cells/#{cell}_cell.rb")), "no file for cell #{cell}"
    end
    assert File.exist?(File.join(ROOT, "app/cells/#{block['form']}/show.erb"))
    %w[sv en].each { |l| assert translation(l, block["key"]), "#{l}: #{block['key']}" }
  end

  def test_routes_point_at_existing_actions
    expected = {
      "Decidim::Dialogd::Engine" => [%w[POST /contributions(.:format) decidim/dialogd/contributions create],
                                     %w[GET /receipt(.:format) decidim/dialogd/receipts show],
                                     %w[GET / decidim/dialogd/dialogues show]],
      "Decidim::Dialogd::AdminEngine" => [%w[GET /connection/edit(.:format) decidim/dialogd/admin/connections edit],
                                          %w[PATCH /connection(.:format) decidim/dialogd/admin/connections update],
                                          %w[PUT /connection(.:format) decidim/dialogd/admin/connections update],
                                          %w[GET / decidim/dialogd/admin/connections edit]]
    }
    assert_equal expected, probe["routes"]
    expected.values.flatten(1).each do |_verb, _path, controller, action|
      source = File.read(File.join(ROOT, "app/controllers/#{controller}_controller.rb"))
      assert_match(/def #{action}\b/, source, "#{controller}##{action}")
    end
  end

  def test_sv_and_en_have_the_same_keys
    keys = lambda { |node, prefix = nil|
      node.flat_map do |k, v|
        v.is_a?(Hash) ? keys.call(v, [prefix, k].compact.join(".")) : [[prefix, k].compact.join(".")]
      end
    }
    assert_equal keys.call(LOCALES["en"]).sort, keys.call(LOCALES["sv"]).sort
  end

  def test_every_literal_translation_key_exists
    used = Dir[File.join(ROOT, "{app,lib}/**/*.{rb,erb}")].flat_map do |file|
      File.read(file).scan(/\bt\("(decidim\.[a-z_.]+)"/).flatten.map { |key| [file, key] }
    end
    refute_empty used
    used.each do |file, key|
      %w[sv en].each { |l| refute_nil translation(l, key), "#{l}: #{key} (#{File.basename(file)})" }
    end
  end
end
