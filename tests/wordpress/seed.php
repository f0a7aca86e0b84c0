<?php
// The test WordPress: installed and filled through WordPress's own functions (run by start.sh
// from the site's folder). What it holds is what the WordPress source must handle: both editors,
// every block the converter knows, hostile markup, posts that must never be published (a draft,
// a private, a scheduled and a password-protected post, a page), a post in two categories, one
// modified after publishing, a title full of entities and typographic quotes, a site time zone
// other than UTC (Asia/Yerevan, +04:00).
define('WP_INSTALLING', true);
$port = getenv('GAZETTE_WP_PORT');
$_SERVER['HTTP_HOST'] = "127.0.0.1:$port";
$_SERVER['REQUEST_URI'] = '/';
require getcwd() . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

wp_install('Lakeside Courier', 'admin', 'admin@example.test', true, '', 'not-a-real-password-0');
update_option('blogdescription', 'News from the lake & the hills');
update_option('timezone_string', 'Asia/Yerevan');
update_option('permalink_structure', '/%year%/%postname%/');
update_option('posts_per_page', 10);
switch_theme('twentytwentythree');
// Markup exactly as written (hostile on purpose), as an editor with unfiltered_html could save it.
kses_remove_filters();

$author = wp_insert_user([
    'user_login' => 'ani', 'user_pass' => 'not-a-real-password-1', 'display_name' => 'Ani Petrosyan',
    'role' => 'author', 'user_email' => 'ani@example.test',
]);
$politics = wp_insert_term('Politics', 'category', ['slug' => 'politics', 'description' => 'Councils, courts and elections around the lake.'])['term_id'];
$culture = wp_insert_term('Culture', 'category', ['slug' => 'culture', 'description' => 'Stages, books & the people behind them.'])['term_id'];
wp_insert_term('Empty', 'category', ['slug' => 'empty', 'description' => 'A category without posts.']);

/** A PNG of `$w`×`$h` in one colour, written by hand (no GD needed). */
function png(int $w, int $h, array $rgb): string {
    $chunk = fn($type, $data) => pack('N', strlen($data)) . $type . $data . pack('N', crc32($type . $data));
    $row = "\0" . str_repeat(pack('C3', ...$rgb), $w);
    return "\x89PNG\r\n\x1a\n" . $chunk('IHDR', pack('NNCCCCC', $w, $h, 8, 2, 0, 0, 0))
        . $chunk('IDAT', gzcompress(str_repeat($row, $h), 9)) . $chunk('IEND', '');
}

/** An attachment with its metadata (size), as the media library makes one. */
function picture(string $name, int $w, int $h, array $rgb, string $alt, string $caption): int {
    $upload = wp_upload_dir();
    wp_mkdir_p($upload['path']);
    $file = $upload['path'] . "/$name.png";
    file_put_contents($file, png($w, $h, $rgb));
    $id = wp_insert_attachment([
        'post_mime_type' => 'image/png', 'post_title' => $name, 'post_excerpt' => $caption, 'post_status' => 'inherit',
    ], $file);
    wp_update_attachment_metadata($id, ['width' => $w, 'height' => $h, 'file' => _wp_relative_upload_path($file), 'sizes' => []]);
    update_post_meta($id, '_wp_attachment_image_alt', $alt);
    return $id;
}

$harbour = picture('harbour', 1200, 800, [40, 90, 140], 'The harbour at dawn', 'Boats <em>return</em> at dawn');
$hall = picture('hall', 800, 600, [150, 60, 40], 'The town hall', 'The town hall');
$hills = picture('hills', 640, 480, [60, 130, 70], 'Hills above the lake', '');

/** A post; `$at` is the site's local time. */
function post(array $fields, string $at): int {
    $id = wp_insert_post($fields + ['post_status' => 'publish', 'post_author' => $GLOBALS['author'], 'post_date' => $at], true);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
    return $id;
}

$harbour_url = wp_get_attachment_url($harbour);
$hall_url = wp_get_attachment_url($hall);
$hills_url = wp_get_attachment_url($hills);

// Every block the converter knows, from the block editor.
$blocks = post([
    'post_title' => 'Council approves the harbour plan',
    'post_name' => 'council-approves-harbour-plan',
    'post_excerpt' => '',
    'post_category' => [$politics],
    'tags_input' => ['harbour', 'council'],
    'post_content' => <<<HTML
<!-- wp:paragraph -->
<p>The council voted <strong>seven to two</strong> on Tuesday, with <em>one abstention</em> and a <a href="https://example.org/minutes">published record</a>. Nested <strong>bold <em>and italic</em></strong> text stays.</p>
<!-- /wp:paragraph -->
<!-- wp:heading -->
<h2>What the plan says</h2>
<!-- /wp:heading -->
<!-- wp:heading {"level":4} -->
<h4>Fourth-level detail</h4>
<!-- /wp:heading -->
<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>We waited ten years for this.</p><cite>A fisherman at the meeting</cite></blockquote>
<!-- /wp:quote -->
<!-- wp:image {"id":$hall,"sizeSlug":"full"} -->
<figure class="wp-block-image size-full"><img src="$hall_url" alt="The town hall" class="wp-image-$hall"/><figcaption class="wp-element-caption">The town hall, where the vote was held</figcaption></figure>
<!-- /wp:image -->
<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":$harbour} -->
<figure class="wp-block-image"><img src="$harbour_url" alt="The harbour at dawn" class="wp-image-$harbour"/></figure>
<!-- /wp:image -->
<!-- wp:image {"id":$hills} -->
<figure class="wp-block-image"><img src="$hills_url" alt="Hills above the lake" class="wp-image-$hills"/><figcaption class="wp-element-caption">The hills</figcaption></figure>
<!-- /wp:image --></figure>
<!-- /wp:gallery -->
<!-- wp:list -->
<ul><li>A new pier</li><li>A <strong>wider</strong> quay</li></ul>
<!-- /wp:list -->
<!-- wp:list {"ordered":true} -->
<ol><li>Design</li><li>Tender</li><li>Build</li></ol>
<!-- /wp:list -->
<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Phase</th><th>Cost</th></tr></thead><tbody><tr><td>Pier</td><td>€1.2m</td></tr><tr><td>Quay</td><td>€0.8m</td></tr></tbody></table></figure>
<!-- /wp:table -->
<!-- wp:preformatted -->
<pre class="wp-block-preformatted">Vote:   7 for
        2 against</pre>
<!-- /wp:preformatted -->
<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube"} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=dQw4w9WgXcQ
</div><figcaption class="wp-element-caption">The meeting, recorded</figcaption></figure>
<!-- /wp:embed -->
<!-- wp:paragraph -->
<p>&nbsp;</p>
<!-- /wp:paragraph -->
<!-- wp:paragraph -->
<p>The work starts in spring.</p>
<!-- /wp:paragraph -->
HTML,
], '2026-11-30 09:15:00');
set_post_thumbnail($blocks, $harbour);

// The classic editor: paragraphs by blank lines (wpautop), a "more" tag, an image with its size.
post([
    'post_title' => 'Ferry timetable changes for winter',
    'post_name' => 'ferry-timetable-winter',
    'post_category' => [$politics],
    'post_content' => "The ferry runs <b>four times</b> a day from Monday.\n\n<!--more-->\n\nTickets are sold <i>on board</i> and at <a href=\"/tickets\">the office</a>.\n\n<img src=\"$hills_url\" alt=\"Hills above the lake\" width=\"640\" height=\"480\" class=\"alignnone size-full\" />\n\n<blockquote>Winter is quiet here.</blockquote>",
], '2026-11-29 18:40:00');

// Hostile markup, kept as written: nothing of it may reach a page but its text.
post([
    'post_title' => 'Hostile <script>alert(1)</script> markup',
    'post_name' => 'hostile-markup',
    'post_category' => [$culture],
    'post_excerpt' => 'An excerpt with <b>tags</b> & entities &amp; more',
    'post_content' => <<<'HTML'
<p>Before <script>window.__pwned = 1</script>the script.</p>
<p><img src="x" onerror="window.__pwned = 2" alt="broken"> after the image.</p>
<p><a href="javascript:window.__pwned = 3">A javascript link</a> and <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a data link</a> and <a href="https://example.org/safe" onclick="window.__pwned = 4">a safe link</a>.</p>
<iframe src="https://example.org/frame"></iframe>
<form action="https://example.org/steal"><input name="card"><button>Send</button></form>
<style>body { display: none }</style>
<p onmouseover="window.__pwned = 5">Hover text stays text.</p>
<div><span>Loose text in a div.</span></div>
<p></p>
<p>&nbsp;</p>
HTML,
], '2026-11-28 12:00:00');

// A title of entities and typographic quotes (wptexturize turns the quotes into entities).
post([
    'post_title' => 'Rock & Roll at the "Old Mill" – it\'s back',
    'post_name' => 'rock-and-roll-old-mill',
    'post_category' => [$culture],
    'post_content' => "<p>The band played until midnight.</p>",
], '2026-11-27 21:30:00');

// In two categories: published once, in its first.
post([
    'post_title' => 'Budget for the theatre',
    'post_name' => 'budget-for-the-theatre',
    'post_category' => [$politics, $culture],
    'post_content' => '<p>The theatre gets a new roof, paid from <a href="' . get_permalink($blocks) . '">the harbour plan</a>&#8217;s savings.</p>',
], '2026-11-26 10:00:00');

// Uncategorized.
post([
    'post_title' => 'A note from the editor',
    'post_name' => 'note-from-the-editor',
    'post_content' => "<p>We publish every morning.</p>",
], '2026-11-25 08:00:00');

// Modified after publishing.
$modified = post([
    'post_title' => 'Market hours set',
    'post_name' => 'market-hours-set',
    'post_category' => [$culture],
    'post_content' => "<p>The market opens at eight.</p>",
], '2026-11-24 07:00:00');
wp_update_post(['ID' => $modified, 'post_content' => "<p>The market opens at nine, not eight.</p>"]);
// Fixed times, so that the recorded answers do not change with the day they were recorded.
$wpdb->update($wpdb->posts, ['post_modified' => '2026-11-24 16:20:00', 'post_modified_gmt' => '2026-11-24 12:20:00'], ['ID' => $modified]);
$wpdb->update($wpdb->posts, ['post_date' => '2026-11-20 09:00:00', 'post_date_gmt' => '2026-11-20 05:00:00',
    'post_modified' => '2026-11-20 09:00:00', 'post_modified_gmt' => '2026-11-20 05:00:00'], ['ID' => 1]);
clean_post_cache($modified);
clean_post_cache(1);

// Filler, so that a section has more than one page.
for ($i = 1; $i <= 24; $i++) {
    post([
        'post_title' => "Culture note $i",
        'post_name' => "culture-note-$i",
        'post_category' => [$culture],
        'post_content' => "<p>Note number $i about the arts.</p>",
    ], sprintf('2026-11-%02d 12:%02d:00', 1 + intdiv($i, 2), $i));
}

// Never published.
post(['post_title' => 'Draft story', 'post_name' => 'draft-story', 'post_status' => 'draft', 'post_content' => '<p>Draft.</p>', 'post_category' => [$politics]], '2026-11-30 10:00:00');
post(['post_title' => 'Private story', 'post_name' => 'private-story', 'post_status' => 'private', 'post_content' => '<p>Private.</p>', 'post_category' => [$politics]], '2026-11-30 10:00:00');
post(['post_title' => 'Scheduled story', 'post_name' => 'scheduled-story', 'post_status' => 'future', 'post_content' => '<p>Later.</p>', 'post_category' => [$politics]], '2036-01-01 10:00:00');
post(['post_title' => 'Password story', 'post_name' => 'password-story', 'post_password' => 'secret', 'post_content' => '<p>Locked.</p>', 'post_category' => [$politics]], '2026-11-30 10:00:00');
post(['post_title' => 'About us page', 'post_name' => 'about-us', 'post_type' => 'page', 'post_content' => '<p>A page.</p>'], '2026-11-30 10:00:00');

// Every post last modified when it was published (but the one modified after): a publish run's
// "what changed since" then depends on what a test changes, not on when the seed ran.
$wpdb->query("UPDATE $wpdb->posts SET post_modified = post_date, post_modified_gmt = post_date_gmt WHERE ID <> $modified AND post_type IN ('post', 'page')");
wp_cache_flush();

echo "seeded\n";
