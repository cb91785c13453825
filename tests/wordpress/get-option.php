<?php
/**
 * Prints one option's value as JSON (the tests read what the settings page stored).
 */
$_SERVER['HTTP_HOST']   = getenv( 'WP_TEST_HOST' );
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
echo wp_json_encode( get_option( preg_replace( '/[^a-z_]/', '', $argv[1] ) ) ), "\n";
