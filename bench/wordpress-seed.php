<?php
// A generated WordPress for ./x bench (bench/wordpress.mjs; run by tests/wordpress/start.sh from
// the site's folder): BENCH_WP_POSTS posts (default 10,000) in 8 categories, each of the length
// of a real story (a lead and eight paragraphs with emphasis and a link, a heading, a quote, a
// list), one a minute back from 30 November 2026, the site in Asia/Yerevan.
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:' . getenv('GAZETTE_WP_PORT');
$_SERVER['REQUEST_URI'] = '/';
require getcwd() . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Bench Courier', 'admin', 'admin@example.test', true, '', 'not-a-real-password-0');
update_option('timezone_string', 'Asia/Yerevan');
update_option('permalink_structure', '/%year%/%postname%/');
wp_defer_term_counting(true);
wp_suspend_cache_invalidation(true);
$count = (int) (getenv('BENCH_WP_POSTS') ?: 10000);
$categories = [];
for ($c = 0; $c < 8; $c++) {
    $categories[] = wp_insert_term("Section $c", 'category', ['slug' => "section-$c", 'description' => "Stories of section $c."])['term_id'];
}
$words = explode(' ', 'the council harbour ferry market minister said on tuesday that budget school road hospital '
    . 'river bridge election mayor court police theatre festival weather farmers prices winter summer village');
$sentence = function (int $seed, int $length) use ($words) {
    $out = [];
    for ($i = 0; $i < $length; $i++) {
        $out[] = $words[($seed * 31 + $i * 17) % count($words)];
    }
    return ucfirst(implode(' ', $out)) . '.';
};
$start = strtotime('2026-11-30 12:00:00 UTC');
for ($n = 1; $n <= $count; $n++) {
    $paragraphs = '';
    for ($p = 0; $p < 8; $p++) {
        $paragraphs .= "<!-- wp:paragraph -->\n<p>" . $sentence($n + $p, 14) . ' <strong>' . $sentence($n * 3 + $p, 4)
            . '</strong> ' . $sentence($n * 7 + $p, 12) . ' <a href="https://example.org/' . $n . '">' . $sentence($p, 3)
            . "</a></p>\n<!-- /wp:paragraph -->\n";
        if ($p === 3) {
            $paragraphs .= "<!-- wp:heading -->\n<h2>" . $sentence($n + 99, 5) . "</h2>\n<!-- /wp:heading -->\n"
                . "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>" . $sentence($n + 5, 10) . "</p><cite>A resident</cite></blockquote>\n<!-- /wp:quote -->\n"
                . "<!-- wp:list -->\n<ul><li>" . $sentence($n, 4) . '</li><li>' . $sentence($n + 1, 4) . "</li></ul>\n<!-- /wp:list -->\n";
        }
    }
    $gmt = gmdate('Y-m-d H:i:s', $start - $n * 60);
    $local = gmdate('Y-m-d H:i:s', $start - $n * 60 + 4 * 3600);
    $id = wp_insert_post([
        'post_title' => "Story $n: " . $sentence($n, 8), 'post_name' => "story-$n", 'post_status' => 'publish',
        'post_excerpt' => $sentence($n * 5, 20), 'post_content' => $paragraphs, 'post_category' => [$categories[$n % 8]],
        'post_date' => $local, 'post_date_gmt' => $gmt, 'post_author' => 1,
    ], true);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
}
wp_defer_term_counting(false);
$wpdb->query("UPDATE $wpdb->posts SET post_modified = post_date, post_modified_gmt = post_date_gmt WHERE post_type = 'post'");
wp_cache_flush();
echo "seeded $count posts\n";
