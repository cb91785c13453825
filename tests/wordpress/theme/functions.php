<?php
/**
 * Test theme setup: WordPress prints the document title.
 *
 * @package dialogd-test
 */

add_action( 'after_setup_theme', static fn() => add_theme_support( 'title-tag' ) );
