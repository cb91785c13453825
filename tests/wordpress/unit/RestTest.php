<?php
/**
 * The contribution route: forwarding with the portal key, idempotency, rate limit, errors in sv/en.
 */
class RestTest extends DialogdTestCase {

	private function post( array $body, array $headers = array() ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', '/dialogd/v1/contributions' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_header( 'X-Dialogd-Nonce', wp_create_nonce( 'dialogd_contribute' ) );
		foreach ( $headers as $k => $v ) {
			$request->set_header( $k, $v );
		}
		$request->set_body( wp_json_encode( $body ) );
		return rest_do_request( $request );
	}

	public function test_forwards_with_portal_key_and_idempotency_key(): void {
		$this->responder = fn() => array( 201, array( 'id' => 'c_1', 'receipt' => 'R-1', 'contact' => null ) );
		$res = $this->post( array( 'dialogue' => 'dlg_1', 'text' => 'Fler bussar', 'themes' => array( 'trafik' ), 'evil' => 1 ), array( 'Idempotency-Key' => 'visitor-key-1' ) );
		$this->assertSame( 201, $res->get_status() );
		$this->assertSame( 'R-1', $res->get_data()['receipt'] );
		$req = $this->requests[0];
		$this->assertSame( 'http://dialogd.test/v1/dialogues/dlg_1/contributions', $req['url'] );
		$this->assertSame( 'Bearer portal-secret-key-1234567890', $req['args']['headers']['Authorization'] );
		$this->assertSame( 'visitor-key-1', $req['args']['headers']['Idempotency-Key'] );
		$sent = json_decode( $req['args']['body'], true );
		$this->assertSame( array( 'text' => 'Fler bussar', 'themes' => array( 'trafik' ), 'channel' => 'web' ), $sent );
		$this->assertStringNotContainsString( 'portal-secret', wp_json_encode( $res->get_data() ) );
	}

	public function test_makes_an_idempotency_key_when_none_given(): void {
		$this->responder = fn() => array( 201, array( 'id' => 'c_1', 'receipt' => 'R-1' ) );
		$this->post( array( 'dialogue' => 'dlg_1', 'text' => 'x' ) );
		$this->assertMatchesRegularExpression( '/^[0-9a-f-]{36}$/', $this->requests[0]['args']['headers']['Idempotency-Key'] );
		$this->assertSame( 'ok-key', dialogd_idempotency_key( 'ok-key' ) );
		$this->assertNotSame( "bad\nkey", dialogd_idempotency_key( "bad\nkey" ) );
	}

	public function test_refuses_without_nonce(): void {
		$request = new WP_REST_Request( 'POST', '/dialogd/v1/contributions' );
		$request->set_body_params( array( 'dialogue' => 'dlg_1', 'text' => 'x' ) );
		$this->assertSame( 403, rest_do_request( $request )->get_status() );
		$this->assertSame( array(), $this->requests );
	}

	public function test_problem_json_becomes_readable_messages_in_both_languages(): void {
		$problem = array( 'type' => 'about:blank', 'title' => 'Unprocessable', 'status' => 422, 'errors' => array( array( 'field' => 'text', 'code' => 'required' ), array( 'field' => 'contact.email', 'code' => 'format' ) ) );
		$this->responder = fn() => array( 422, $problem, 'application/problem+json' );
		$en = $this->post( array( 'dialogue' => 'dlg_1', 'text' => '', 'lang' => 'en' ) );
		$this->assertSame( 422, $en->get_status() );
		$data = $en->get_data();
		$this->assertSame( 'Please check your contribution.', $data['message'] );
		$this->assertSame( 'Enter a valid e-mail address.', $data['data']['errors'][1]['message'] );
		$sv = $this->post( array( 'dialogue' => 'dlg_1', 'text' => '' ), array( 'Accept-Language' => 'sv-SE,sv;q=0.9' ) );
		$this->assertSame( 'Kontrollera ditt bidrag.', $sv->get_data()['message'] );
		$this->assertSame( 'Ange en giltig e-postadress.', $sv->get_data()['data']['errors'][1]['message'] );
	}

	public function test_status_mapping(): void {
		foreach ( array( 404 => 404, 409 => 409, 403 => 502, 500 => 502, 0 => 502 ) as $from => $to ) {
			$err = dialogd_problem_to_error( array( 'status' => $from, 'body' => null, 'error' => 'x' ) );
			$this->assertSame( $to, $err->get_error_data()['status'], (string) $from );
		}
	}

	public function test_rate_limit_per_visitor(): void {
		$limit = fn() => 3;
		add_filter( 'dialogd_rate_limit', $limit );
		$this->assertTrue( dialogd_rate_limit_allows( 'visitor-a' ) );
		$this->assertTrue( dialogd_rate_limit_allows( 'visitor-a' ) );
		$this->assertTrue( dialogd_rate_limit_allows( 'visitor-a' ) );
		$this->assertFalse( dialogd_rate_limit_allows( 'visitor-a' ) );
		$this->assertTrue( dialogd_rate_limit_allows( 'visitor-b' ) );
		$this->responder = fn() => array( 201, array( 'id' => 'c', 'receipt' => 'r' ) );
		$statuses = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$statuses[] = $this->post( array( 'dialogue' => 'dlg_1', 'text' => 'x' ) )->get_status();
		}
		remove_filter( 'dialogd_rate_limit', $limit );
		$this->assertSame( array( 201, 201, 201, 429 ), $statuses );
	}

	public function test_not_configured(): void {
		update_option( 'dialogd_portal_key', '' );
		$this->assertSame( 503, $this->post( array( 'dialogue' => 'dlg_1', 'text' => 'x' ) )->get_status() );
	}
}
