CREATE TABLE `comment_mentions` (
	`comment_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`mentioned_at` integer NOT NULL,
	PRIMARY KEY(`comment_id`, `person_id`),
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_mentions_person` ON `comment_mentions` (`person_id`,`mentioned_at`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`item_id` integer,
	`claim_id` integer,
	`author_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`edited_at` integer,
	`deleted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "comments_one_subject" CHECK(("comments"."item_id" IS NULL) <> ("comments"."claim_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `comments_item` ON `comments` (`item_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_claim` ON `comments` (`claim_id`,`created_at`);--> statement-breakpoint
-- DESIGN §9 and §13: a comment is part of the record. It is never removed (a deletion is recorded
-- in place), never moved to another item, claim, program or author, and once deleted never changed.
CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments
BEGIN SELECT RAISE(ABORT, 'comments are never removed: a deletion is recorded on the comment'); END;
--> statement-breakpoint
CREATE TRIGGER comments_fixed_fields BEFORE UPDATE ON comments
WHEN OLD.deleted_at IS NOT NULL
  OR NEW.program_id IS NOT OLD.program_id
  OR NEW.item_id IS NOT OLD.item_id
  OR NEW.claim_id IS NOT OLD.claim_id
  OR NEW.author_id IS NOT OLD.author_id
  OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a comment keeps its subject, author and time, and a deleted comment stays deleted'); END;
