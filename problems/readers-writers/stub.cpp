class ReadersWriters {
public:
    ReadersWriters() {

    }

    void read(function<void()> readRecord) {

        // readRecord() reads the shared record. Do not change or remove this line.
        readRecord();
    }

    void write(function<void()> writeRecord) {

        // writeRecord() writes the shared record. Do not change or remove this line.
        writeRecord();
    }
};
