<?php
/**
 * Creates one page per shortcode and one with the block for dialogue $argv[1]; prints JSON {name: url}.
 */
$_SERVER['HTTP_HOST']   = getenv( 'WP_TEST_HOST' );
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
$id    = preg_replace( '/[^A-Za-z0-9_-]/', '', $argv[1] );
$pages = array();
foreach ( array( 'status', 'ladder', 'contribute', 'receipt', 'feedback', 'representation' ) as $w ) {
	$attr         = 'receipt' === $w ? '' : ' dialogue="' . $id . '"';
	$pages[ $w ]  = array( "Dialog $w", "[dialogd_$w$attr]" );
}
$pages['block'] = array( 'Dialog block', '<!-- wp:dialogd/widget {"widget":"status","dialogue":"' . $id . '"} /-->' );
$pages['twice'] = array( 'Dialog twice', "[dialogd_status dialogue=\"$id\"]\n\n[dialogd_ladder dialogue=\"$id\" lang=\"en\"]\n\n<!-- wp:dialogd/widget {\"widget\":\"feedback\",\"dialogue\":\"$id\"} /-->" );
$out = array();
foreach ( $pages as $name => [ $title, $content ] ) {
	$post = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => $title, 'post_name' => 'dialog-' . $name, 'post_content' => $content ), true );
	if ( is_wp_error( $post ) ) {
		fwrite( STDERR, $post->get_error_message() . "\n" );
		exit( 1 );
	}
	$out[ $name ] = get_permalink( $post );
}
echo wp_json_encode( $out ), "\n";
