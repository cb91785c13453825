# frozen_string_literal: true

# A recording stand-in for decidim-core, loaded only by test/decidim_files_test.rb in a child process:
# it records what the module registers through Decidim's documented interfaces
# (Decidim.register_component, Decidim.content_blocks.register) so the test can check the
# registrations against the module's own files and translations. It is not Decidim.
module Decidim
  # Records a component manifest.
  class RecordedManifest
    attr_accessor :engine, :admin_engine, :icon, :icon_key, :permissions_class_name, :actions
    attr_reader :name, :settings_by_scope, :hooks

    def initialize(name)
      @name = name
      @settings_by_scope = {}
      @hooks = {}
    end

    def settings(scope)
      recorder = RecordedSettings.new
      yield recorder
      @settings_by_scope[scope] = recorder.attributes
    end

    def on(event, &block)
      (@hooks[event] ||= []) << block
    end
  end

  # Records settings attributes.
  class RecordedSettings
    attr_reader :attributes

    def initialize
      @attributes = {}
    end

    def attribute(name, **options)
      @attributes[name] = options
    end
  end

  # Records content blocks.
  class RecordedContentBlock
    attr_accessor :cell, :settings_form_cell, :public_name_key
    attr_reader :settings_attributes

    def settings
      recorder = RecordedSettings.new
      yield recorder
      @settings_attributes = recorder.attributes
    end
  end

  # Records Decidim.content_blocks.register calls.
  class RecordedContentBlocks
    attr_reader :registered

    def initialize
      @registered = {}
    end

    def register(scope, name)
      block = RecordedContentBlock.new
      yield block
      @registered[[scope, name]] = block
    end
  end

  class << self
    def components
      @components ||= {}
    end

    def register_component(name)
      manifest = RecordedManifest.new(name)
      yield manifest
      components[name] = manifest
    end

    def content_blocks
      @content_blocks ||= RecordedContentBlocks.new
    end
  end
end
