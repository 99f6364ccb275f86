-- One browser may be known for several accounts: the key becomes (cookie hash, person).
ALTER TABLE "known_devices" DROP CONSTRAINT "known_devices_pkey";--> statement-breakpoint
ALTER TABLE "known_devices" ADD CONSTRAINT "known_devices_id_person_id_pk" PRIMARY KEY("id","person_id");
