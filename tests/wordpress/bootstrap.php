<?php
/**
 * PHPUnit bootstrap: loads the real WordPress of the test step (same throw-away database),
 * with the dialogd plugin active. The wp-config.php override constant for the widget key is set
 * here to check that constants win over options.
 */
$_SERVER['HTTP_HOST']   = getenv( 'WP_TEST_HOST' );
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REMOTE_ADDR'] = '192.0.2.10';
define( 'DIALOGD_WIDGET_KEY', 'widget-key-from-wp-config' );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once __DIR__ . '/unit/DialogdTestCase.php';
