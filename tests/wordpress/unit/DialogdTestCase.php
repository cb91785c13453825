<?php
/**
 * Base case: options reset around every test, HTTP to dialogd answered by a stub.
 */
use PHPUnit\Framework\TestCase;

abstract class DialogdTestCase extends TestCase {
	/** @var array<int,array> Requests the plugin made. */
	protected array $requests = array();
	/** @var callable|null Answers requests: fn(url, args) => [status, body]. */
	protected $responder = null;

	protected function setUp(): void {
		update_option( 'dialogd_url', 'http://dialogd.test' );
		update_option( 'dialogd_portal_key', 'portal-secret-key-1234567890' );
		$this->requests = array();
		$this->responder = null;
		add_filter( 'pre_http_request', array( $this, 'stub_http' ), 10, 3 );
		wp_set_current_user( 0 );
		global $wpdb;
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient%dialogd\\_%'" );
		wp_cache_flush();
	}

	protected function tearDown(): void {
		remove_filter( 'pre_http_request', array( $this, 'stub_http' ), 10 );
		wp_set_current_user( 0 );
	}

	public function stub_http( $pre, $args, $url ) {
		$this->requests[] = array( 'url' => $url, 'args' => $args );
		[ $status, $body, $type ] = $this->responder ? ( $this->responder )( $url, $args ) + array( 2 => 'application/json' ) : array( 404, array( 'title' => 'Not Found' ), 'application/problem+json' );
		return array(
			'headers'  => array( 'content-type' => $type ),
			'body'     => null === $body ? '' : wp_json_encode( $body ),
			'response' => array( 'code' => $status, 'message' => '' ),
			'cookies'  => array(),
			'filename' => null,
		);
	}

	protected function dialogue( string $state = 'in_dialogue' ): array {
		return array( 'id' => 'dlg_1', 'title' => 'Framtidens vård <i>i</i> Norrbotten', 'state' => $state, 'declared_level' => 3 );
	}
}
