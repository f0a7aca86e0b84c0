<?php
// Changes the test WordPress as a newsroom would between two publish runs (run from the site's
// folder): `add <slug> <title>` publishes a post in Politics, `edit <slug> <text>` replaces a
// post's text, `delete <slug>` deletes a post, `unpublish <slug>` makes it a draft.
$_SERVER['HTTP_HOST'] = '127.0.0.1';
require getcwd() . '/wp-load.php';
[$_, $what, $slug] = $argv;
if ($what === 'add') {
    $id = wp_insert_post(['post_title' => $argv[3], 'post_name' => $slug, 'post_status' => 'publish',
        'post_content' => '<p>Added for a test.</p>', 'post_category' => [get_category_by_slug('politics')->term_id]]);
    echo "add $slug $id\n";
    exit(0);
}
$post = get_page_by_path($slug, OBJECT, 'post');
if (!$post) {
    fwrite(STDERR, "no post $slug\n");
    exit(1);
}
switch ($what) {
    case 'edit':
        wp_update_post(['ID' => $post->ID, 'post_content' => '<p>' . esc_html($argv[3]) . '</p>']);
        break;
    case 'delete':
        wp_delete_post($post->ID, true);
        break;
    case 'unpublish':
        wp_update_post(['ID' => $post->ID, 'post_status' => 'draft']);
        break;
}
echo "$what $slug\n";
