/// What one PeerConnection of the load sends (the load; RFC 3550 RTP headers):
/// - audio, opus-like: one packet every 20 ms (50 packets/s) of `audioPacketSize` bytes, timestamp
///   +960 at 48 kHz, PT 111;
/// - video, VP8-like: 30 frames/s at `videoBitrate` bits per second in packets of
///   `videoPacketSize` bytes (the last of a frame as large as the rest, the byte budget carried
///   over), timestamp +3000 at 90 kHz, the marker bit on each frame's last packet, a VP8 payload
///   descriptor (RFC 7741 §4.2) with S set on a frame's first packet and a key frame every
///   `keyFrameInterval` frames, PT 96.
struct MediaLoad: Sendable, Equatable {
    var videoBitrate = 1_000_000
    var videoPacketSize = 1_100
    var audioPacketSize = 100
    var framesPerSecond = 30
    var keyFrameInterval = 90
    var audio = true
    var video = true

    /// Bytes of one video frame on average.
    var videoFrameBytes: Int { videoBitrate / 8 / framesPerSecond }
    /// Packets per second one PeerConnection sends, on average.
    var packetsPerSecond: Double {
        (audio ? 50 : 0) + (video ? Double(videoBitrate) / 8 / Double(videoPacketSize) : 0)
    }
}

/// One PeerConnection's two synthetic RTP streams: builds each packet in a buffer of its own
/// (allocated once), so sending allocates nothing. Used only on the PeerConnection's media loop.
final class SyntheticMedia {
    static let audioPayloadType: UInt8 = 111
    static let videoPayloadType: UInt8 = 96
    static let audioInterval: UInt64 = 20_000_000
    /// VP8 payload header of a key frame: P = 0, start code 9d 01 2a, width 640, height 480.
    static let keyFrameHeader: [UInt8] = [0x00, 0x00, 0x00, 0x9D, 0x01, 0x2A, 0x80, 0x02, 0xE0, 0x01]
    /// VP8 payload header of an inter frame: P = 1.
    static let interFrameHeader: [UInt8] = [0x01, 0x00, 0x00]
    let load: MediaLoad
    let peer: UInt32
    private let audioSSRC: UInt32
    private let videoSSRC: UInt32
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1_500, alignment: 8)
    private var audioSequence = UInt16.random(in: 0...UInt16.max)
    private var videoSequence = UInt16.random(in: 0...UInt16.max)
    private var audioTimestamp = UInt32.random(in: 0...UInt32.max)
    private var videoTimestamp = UInt32.random(in: 0...UInt32.max)
    private var nextAudio: UInt64 = 0
    private var nextFrame: UInt64 = 0
    private var frameCount = 0
    private var byteBudget = 0
    private let frameInterval: UInt64

    init(load: MediaLoad, peer: UInt32, audioSSRC: UInt32, videoSSRC: UInt32) {
        precondition(load.videoPacketSize <= 1_400 && load.audioPacketSize >= 12 + EchoStamp.size + 1)
        self.load = load
        self.peer = peer
        self.audioSSRC = audioSSRC
        self.videoSSRC = videoSSRC
        self.frameInterval = 1_000_000_000 / UInt64(load.framesPerSecond)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
    }

    deinit { buffer.deallocate() }

    /// Starts both streams at `now` (nanoseconds on the monotonic clock).
    func start(at now: UInt64) {
        nextAudio = now
        nextFrame = now
    }

    /// Sends every packet due by `now` through `send(packet, kind)`; returns how many `send` took.
    /// A late call sends what was missed, so the offered rate follows the clock.
    func sendDue(now: UInt64, _ send: (UnsafeRawBufferPointer, MediaKindIndex) -> Bool) -> Int {
        var sent = 0
        while load.audio && nextAudio <= now {
            let length = audioPacket(sentAt: now)
            if send(UnsafeRawBufferPointer(rebasing: buffer[0..<length]), .audio) { sent += 1 }
            nextAudio += Self.audioInterval
        }
        while load.video && nextFrame <= now {
            sent += videoFrame(sentAt: now, send)
            nextFrame += frameInterval
        }
        return sent
    }

    private func audioPacket(sentAt now: UInt64) -> Int {
        audioSequence &+= 1
        audioTimestamp &+= 960
        writeHeader(payloadType: Self.audioPayloadType, marker: false, sequence: audioSequence,
                    timestamp: audioTimestamp, ssrc: audioSSRC)
        buffer[12] = 0x78  // opus TOC: SILK-only wideband 20 ms, mono (RFC 6716 §3.1)
        EchoStamp.write(buffer, length: load.audioPacketSize, peer: peer, sentNanoseconds: now)
        return load.audioPacketSize
    }

    private func videoFrame(sentAt now: UInt64, _ send: (UnsafeRawBufferPointer, MediaKindIndex) -> Bool) -> Int {
        byteBudget += load.videoFrameBytes
        let packets = max(1, byteBudget / load.videoPacketSize)
        byteBudget = max(0, byteBudget - packets * load.videoPacketSize)
        let keyFrame = frameCount % load.keyFrameInterval == 0
        frameCount += 1
        videoTimestamp &+= 90_000 / UInt32(load.framesPerSecond)
        var sent = 0
        for index in 0..<packets {
            videoSequence &+= 1
            writeHeader(payloadType: Self.videoPayloadType, marker: index == packets - 1, sequence: videoSequence,
                        timestamp: videoTimestamp, ssrc: videoSSRC)
            writeVP8(first: index == 0, keyFrame: keyFrame)
            EchoStamp.write(buffer, length: load.videoPacketSize, peer: peer, sentNanoseconds: now)
            if send(UnsafeRawBufferPointer(rebasing: buffer[0..<load.videoPacketSize]), .video) { sent += 1 }
        }
        return sent
    }

    private func writeHeader(payloadType: UInt8, marker: Bool, sequence: UInt16, timestamp: UInt32, ssrc: UInt32) {
        buffer[0] = 0x80
        buffer[1] = payloadType | (marker ? 0x80 : 0)
        buffer.storeBytes(of: sequence.bigEndian, toByteOffset: 2, as: UInt16.self)
        buffer.storeBytes(of: timestamp.bigEndian, toByteOffset: 4, as: UInt32.self)
        buffer.storeBytes(of: ssrc.bigEndian, toByteOffset: 8, as: UInt32.self)
    }

    /// RFC 7741: the payload descriptor (S on a frame's first packet, partition 0) and, on the
    /// first packet, the VP8 payload header (P = 0 on a key frame, then its start code and 640x480).
    private func writeVP8(first: Bool, keyFrame: Bool) {
        buffer[12] = first ? 0x10 : 0x00
        guard first else { return }
        let header = keyFrame ? Self.keyFrameHeader : Self.interFrameHeader
        for offset in header.indices { buffer[13 + offset] = header[offset] }
    }
}

/// Which of a PeerConnection's two tracks a packet belongs to.
enum MediaKindIndex {
    case audio, video
}
